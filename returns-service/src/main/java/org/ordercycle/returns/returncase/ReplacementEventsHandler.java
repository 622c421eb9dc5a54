package org.ordercycle.returns.returncase;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.inbox.EventHandlers;

/** Links a return that asked for a replacement to the order sales placed for it (its originalOrderId). */
@ApplicationScoped
class ReplacementEventsHandler implements EventHandlers {

    private final ReturnService returns;

    ReplacementEventsHandler(ReturnService returns) {
        this.returns = returns;
    }

    void on(OrderPlaced event) {
        if (event.originalOrderId() != null) {
            returns.replacementPlaced(event.originalOrderId(), event.orderId());
        }
    }
}
