package org.ordercycle.returns.order;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderAmended;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.inbox.EventHandlers;

/**
 * Keeps the agreed lines of every order sales accepted (the prices returns refunds at), what was clarified and
 * agreed with the customer, and who sold the order.
 */
@ApplicationScoped
class OrderEventsHandler implements EventHandlers {

    void on(OrderPlaced event) {
        PlacedOrder.record(event.orderId(), event.customerId(), event.salesperson(), event.occurredAt());
    }

    void on(OrderAccepted event) {
        AgreedOrder.agree(event.orderId(), event.customerId(), event.currency(), event.lines(), event.occurredAt());
        AgreedOrder.clarify(event.orderId(), event.clarificationSummary(), event.acceptanceCriteria());
    }

    void on(OrderAmended event) {
        AgreedOrder.agree(event.orderId(), event.customerId(), event.currency(), event.lines(), event.occurredAt());
    }
}
