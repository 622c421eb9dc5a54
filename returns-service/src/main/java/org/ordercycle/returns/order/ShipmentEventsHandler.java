package org.ordercycle.returns.order;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.kit.inbox.EventHandlers;

/**
 * Keeps what left the warehouse per order line. A shipment read before the order's acceptance (another topic) is
 * kept all the same: nothing needs the acceptance to store it, and a return asks for both only when it is made.
 */
@ApplicationScoped
class ShipmentEventsHandler implements EventHandlers {

    void on(ShipmentDispatched event) {
        Shipment.record(event);
    }
}
