package org.ordercycle.contact.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.inbox.EventHandlers;

/** Puts every order on its customer's timeline as sales reports it. */
@ApplicationScoped
class OrderEventsHandler implements EventHandlers {

    void on(OrderPlaced event) {
        BigDecimal units = event.lines().stream().map(OrderLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        String summary = "Order placed: %d line%s, %s unit%s".formatted(event.lines().size(),
                event.lines().size() == 1 ? "" : "s", units.toPlainString(), units.compareTo(BigDecimal.ONE) == 0 ? "" : "s");
        TimelineEntry.record(event.customerId(), event.eventId(), "ORDER_PLACED", event.orderId(), summary,
                event.occurredAt());
    }
}
