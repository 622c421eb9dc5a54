package org.ordercycle.billing.order;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderAmended;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.kit.inbox.EventHandlers;
import org.ordercycle.kit.inbox.Prerequisites;

/** Keeps billing's copy of every accepted order's agreed lines; shipments waiting for one are then invoiced. */
@ApplicationScoped
class OrderEventsHandler implements EventHandlers {

    private final Prerequisites prerequisites;

    OrderEventsHandler(Prerequisites prerequisites) {
        this.prerequisites = prerequisites;
    }

    void on(OrderAccepted event) {
        AcceptedOrder.accept(event.orderId(), event.customerId(), event.currency(), event.lines(), event.occurredAt());
        prerequisites.arrived(AcceptedOrder.ACCEPTED, event.orderId());
    }

    void on(OrderAmended event) {
        AcceptedOrder order = AcceptedOrder.findById(event.orderId());
        if (order == null) {
            // The amendment is a complete snapshot of the agreed lines: it serves as the acceptance.
            AcceptedOrder.accept(event.orderId(), event.customerId(), event.currency(), event.lines(),
                    event.occurredAt());
        } else {
            order.amend(event.lines());
        }
        prerequisites.arrived(AcceptedOrder.ACCEPTED, event.orderId());
    }

    void on(OrderCancelled event) {
        AcceptedOrder order = AcceptedOrder.findById(event.orderId());
        if (order != null) {
            order.cancel();
        }
    }
}
