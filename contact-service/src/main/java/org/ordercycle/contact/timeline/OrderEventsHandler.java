package org.ordercycle.contact.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderAmended;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.events.sales.OrderDeclined;
import org.ordercycle.events.sales.OrderOnHold;
import org.ordercycle.events.sales.OrderReleased;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.inbox.EventHandlers;
import org.ordercycle.kit.money.Amounts;

/** Puts every order on its customer's timeline as sales reports it: placed, accepted, cancelled. */
@ApplicationScoped
class OrderEventsHandler implements EventHandlers {

    private final TimelineService timeline;

    OrderEventsHandler(TimelineService timeline) {
        this.timeline = timeline;
    }

    void on(OrderPlaced event) {
        BigDecimal units = Summaries.sum(event.lines().stream().map(OrderLine::quantity).toList());
        String summary = "Order placed: %s, %s".formatted(Summaries.lines(event.lines().size()), Summaries.units(units));
        timeline.orderPlaced(event.customerId(), event.eventId(),
                new NewEntry(event.orderId(), Step.ORDER_PLACED, event.occurredAt(), event.salesperson(), summary));
    }

    void on(OrderAccepted event) {
        Amounts.Totals totals = Amounts.totals(amounts(event.lines()), event.currency());
        String summary = "Order accepted%s: %s gross, delivery promised for %s".formatted(
                event.automatic() ? " automatically" : "", Summaries.money(totals.gross()), event.promisedDate());
        timeline.orderAccepted(event.customerId(), event.eventId(), new NewEntry(event.orderId(), Step.ORDER_ACCEPTED,
                event.occurredAt(), event.automatic() ? null : event.decidedBy(), summary), event.currency(),
                totals.net().amount());
    }

    void on(OrderDeclined event) {
        timeline.addForKnownOrder(event.eventId(), new NewEntry(event.orderId(), Step.ORDER_DECLINED,
                event.occurredAt(), event.decidedBy(), "Order declined: " + event.reason()));
    }

    void on(OrderOnHold event) {
        timeline.addForKnownOrder(event.eventId(), new NewEntry(event.orderId(), Step.ORDER_ON_HOLD,
                event.occurredAt(), event.by(), "Order on hold: " + event.reason()));
    }

    void on(OrderReleased event) {
        timeline.addForKnownOrder(event.eventId(), new NewEntry(event.orderId(), Step.ORDER_RELEASED,
                event.occurredAt(), null, event.reason() == null || event.reason().isBlank() ? "Order released"
                        : "Order released: " + event.reason()));
    }

    void on(OrderCancelled event) {
        String summary = event.reason() == null || event.reason().isBlank() ? "Order cancelled"
                : "Order cancelled: " + event.reason();
        timeline.orderCancelled(event.eventId(),
                new NewEntry(event.orderId(), Step.ORDER_CANCELLED, event.occurredAt(), event.by(), summary));
    }

    void on(OrderAmended event) {
        timeline.orderAmended(event.orderId(), event.occurredAt(), event.currency(),
                Amounts.totals(amounts(event.lines()), event.currency()).net().amount());
    }

    private static List<Amounts.Line> amounts(List<OrderLine> lines) {
        return lines.stream().map(line -> new Amounts.Line(line.quantity(), line.unitPrice().amount(),
                line.discountPercent(), line.taxRate())).toList();
    }
}
