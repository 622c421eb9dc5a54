package org.ordercycle.contact.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import org.ordercycle.events.production.OrderBackordered;
import org.ordercycle.events.production.ReservationLine;
import org.ordercycle.events.production.StockReserved;
import org.ordercycle.kit.inbox.EventHandlers;

/**
 * Production's reservation snapshots on the order's customer's timeline. They do not name the customer: an order
 * sales has not told of yet waits for it.
 */
@ApplicationScoped
class ScheduleEventsHandler implements EventHandlers {

    private final TimelineService timeline;

    ScheduleEventsHandler(TimelineService timeline) {
        this.timeline = timeline;
    }

    void on(StockReserved event) {
        BigDecimal reserved = Summaries.sum(event.lines().stream().map(ReservationLine::reserved).toList());
        String summary = "Stock reserved for the whole order: %s on %s".formatted(Summaries.units(reserved),
                Summaries.lines(event.lines().size()));
        timeline.addForKnownOrder(event.eventId(),
                new NewEntry(event.orderId(), Step.STOCK_RESERVED, event.occurredAt(), null, summary));
    }

    void on(OrderBackordered event) {
        BigDecimal reserved = Summaries.sum(event.lines().stream().map(ReservationLine::reserved).toList());
        var missing = event.lines().stream().filter(line -> line.backordered().signum() > 0).toList();
        String summary = "Backordered: %s missing, %s reserved".formatted(
                Summaries.perLine(missing, ReservationLine::backordered, ReservationLine::lineNo),
                Summaries.units(reserved));
        timeline.addForKnownOrder(event.eventId(),
                new NewEntry(event.orderId(), Step.ORDER_BACKORDERED, event.occurredAt(), null, summary));
    }
}
