package org.ordercycle.returns.order;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderAmended;
import org.ordercycle.kit.inbox.EventHandlers;

/** Keeps the agreed lines of every order sales accepted: the prices returns refunds at. */
@ApplicationScoped
class OrderEventsHandler implements EventHandlers {

    void on(OrderAccepted event) {
        AgreedOrder.agree(event.orderId(), event.customerId(), event.currency(), event.lines(), event.occurredAt());
    }

    void on(OrderAmended event) {
        AgreedOrder.agree(event.orderId(), event.customerId(), event.currency(), event.lines(), event.occurredAt());
    }
}
