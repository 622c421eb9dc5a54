package org.ordercycle.returns.order;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.kit.inbox.EventHandlers;
import org.ordercycle.kit.inbox.PrerequisiteMissing;
import org.ordercycle.kit.inbox.Prerequisites;

/**
 * Keeps what left the warehouse per order line, and when it reached the customer (return windows run from there).
 * A shipment read before the order's acceptance (another topic) is kept all the same: nothing needs the acceptance
 * to store it, and a return asks for both only when it is made.
 */
@ApplicationScoped
class ShipmentEventsHandler implements EventHandlers {

    private final Prerequisites prerequisites;

    ShipmentEventsHandler(Prerequisites prerequisites) {
        this.prerequisites = prerequisites;
    }

    void on(ShipmentDispatched event) {
        Shipment.record(event);
        prerequisites.arrived("shipment-dispatched", event.shipmentId());
    }

    void on(ShipmentDelivered event) {
        Shipment shipment = Shipment.<Shipment>findByIdOptional(event.shipmentId())
                .orElseThrow(() -> PrerequisiteMissing.of("shipment-dispatched", event.shipmentId()));
        shipment.deliver(event.deliveredAt());
    }
}
