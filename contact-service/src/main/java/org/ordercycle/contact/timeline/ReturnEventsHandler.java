package org.ordercycle.contact.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.ordercycle.events.returns.RefundRequested;
import org.ordercycle.events.returns.ReturnAuthorized;
import org.ordercycle.events.returns.ReturnClosed;
import org.ordercycle.events.returns.ReturnLine;
import org.ordercycle.events.returns.ReturnReceived;
import org.ordercycle.events.returns.ReturnRejected;
import org.ordercycle.events.returns.ReturnRequested;
import org.ordercycle.kit.inbox.EventHandlers;

/**
 * A return's way on the order's customer's timeline: requested, authorized, received, refund requested, closed.
 * Received and closed do not name the customer: they find it through the order.
 */
@ApplicationScoped
class ReturnEventsHandler implements EventHandlers {

    private final TimelineService timeline;

    ReturnEventsHandler(TimelineService timeline) {
        this.timeline = timeline;
    }

    void on(ReturnRequested event) {
        String summary = "Return requested: " + lines(event.lines())
                + (event.reason() == null || event.reason().isBlank() ? "" : " (" + event.reason() + ")");
        timeline.add(event.customerId(), event.eventId(),
                new NewEntry(event.orderId(), Step.RETURN_REQUESTED, event.occurredAt(), event.by(), summary));
    }

    void on(ReturnAuthorized event) {
        timeline.add(event.customerId(), event.eventId(), new NewEntry(event.orderId(), Step.RETURN_AUTHORIZED,
                event.occurredAt(), event.by(), "Return authorized: " + lines(event.lines())));
    }

    void on(ReturnReceived event) {
        String summary = "Return received: " + event.lines().stream()
                .map(line -> "%s of line %d %s".formatted(Summaries.quantity(line.quantity()), line.lineNo(),
                        line.condition()))
                .collect(Collectors.joining(", "));
        timeline.addForKnownOrder(event.eventId(),
                new NewEntry(event.orderId(), Step.RETURN_RECEIVED, event.occurredAt(), event.by(), summary));
    }

    void on(RefundRequested event) {
        timeline.add(event.customerId(), event.eventId(), new NewEntry(event.orderId(), Step.REFUND_REQUESTED,
                event.occurredAt(), null,
                "Refund requested: %s for %s".formatted(Summaries.money(event.amount()), lines(event.lines()))));
    }

    void on(ReturnRejected event) {
        timeline.add(event.customerId(), event.eventId(), new NewEntry(event.orderId(), Step.RETURN_REJECTED,
                event.occurredAt(), event.by(), "Return rejected: " + event.reason()));
    }

    void on(ReturnClosed event) {
        timeline.addForKnownOrder(event.eventId(), new NewEntry(event.orderId(), Step.RETURN_CLOSED,
                event.occurredAt(), null, "Return closed: " + event.outcome()));
    }

    private static String lines(List<ReturnLine> lines) {
        return Summaries.perLine(lines, ReturnLine::quantity, ReturnLine::lineNo);
    }
}
