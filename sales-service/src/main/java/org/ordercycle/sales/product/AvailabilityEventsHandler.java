package org.ordercycle.sales.product;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.production.AvailabilityChanged;
import org.ordercycle.kit.inbox.EventHandlers;

/** Keeps sales' copy of what production can offer of each product. */
@ApplicationScoped
class AvailabilityEventsHandler implements EventHandlers {

    void on(AvailabilityChanged event) {
        Product.announce(event.sku(), event.onHand(), event.reserved(), event.availableToPromise(),
                event.leadTimeDays(), event.surplusCapacityHours(), event.unitCost(), event.occurredAt());
    }
}
