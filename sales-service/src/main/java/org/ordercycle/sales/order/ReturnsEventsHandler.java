package org.ordercycle.sales.order;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.ordercycle.events.returns.RefundRequested;
import org.ordercycle.events.returns.ReplacementRequested;
import org.ordercycle.events.returns.ReturnAuthorized;
import org.ordercycle.events.returns.ReturnClosed;
import org.ordercycle.events.returns.ReturnLine;
import org.ordercycle.events.returns.ReturnReceived;
import org.ordercycle.events.returns.ReturnRequested;
import org.ordercycle.kit.inbox.EventHandlers;
import org.ordercycle.sales.Decimals;

/** Returns' word on sales' orders: a return is open from its request until its refund is paid or it is closed. */
@ApplicationScoped
class ReturnsEventsHandler implements EventHandlers {

    private static final String RETURNS = "returns";

    private final OrderService orders;

    ReturnsEventsHandler(OrderService orders) {
        this.orders = orders;
    }

    void on(ReturnRequested event) {
        Orders.known(event.orderId()).ifPresent(order -> {
            order.returnRequested(event.returnId(), event.occurredAt());
            order.record(event.eventId(), "RETURN_REQUESTED", event.occurredAt(), RETURNS, by(event.by()),
                    lines(event.lines()) + (event.reason() == null ? "" : ": " + event.reason()));
        });
    }

    void on(ReturnAuthorized event) {
        Orders.known(event.orderId()).ifPresent(order -> order.record(event.eventId(), "RETURN_AUTHORIZED",
                event.occurredAt(), RETURNS, by(event.by()), lines(event.lines())));
    }

    void on(ReturnReceived event) {
        Orders.known(event.orderId()).ifPresent(order -> order.record(event.eventId(), "RETURN_RECEIVED",
                event.occurredAt(), RETURNS, by(event.by()), event.lines().stream()
                        .map(line -> "line " + line.lineNo() + " × " + Decimals.plain(line.quantity()) + " "
                                + line.condition())
                        .collect(Collectors.joining(", "))));
    }

    void on(RefundRequested event) {
        Orders.known(event.orderId()).ifPresent(order -> order.record(event.eventId(), "REFUND_REQUESTED",
                event.occurredAt(), RETURNS, RETURNS,
                OrderService.amount(event.amount()) + " for " + lines(event.lines())));
    }

    void on(ReturnClosed event) {
        Orders.known(event.orderId()).ifPresent(order -> {
            order.returnClosed(event.returnId(), event.occurredAt());
            order.record(event.eventId(), "RETURN_CLOSED", event.occurredAt(), RETURNS, RETURNS,
                    "closed: " + event.outcome());
        });
    }

    void on(ReplacementRequested event) {
        orders.replace(event);
    }

    private static String by(String person) {
        return person == null ? RETURNS : person;
    }

    private static String lines(List<ReturnLine> lines) {
        return lines.stream().map(line -> "line " + line.lineNo() + " × " + Decimals.plain(line.quantity()))
                .collect(Collectors.joining(", "));
    }
}
