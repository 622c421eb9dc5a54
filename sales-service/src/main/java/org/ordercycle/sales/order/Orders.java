package org.ordercycle.sales.order;

import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The order an event of another department is about. */
final class Orders {

    private static final Logger LOG = Logger.getLogger(Orders.class);

    private Orders() {
    }

    /**
     * The order, when sales placed it. Sales places every order the other departments act on, in a transaction
     * that commits before they can hear of it, so an unknown id is not an order to wait for: it is ignored.
     */
    static Optional<Order> known(UUID orderId) {
        Optional<Order> order = Order.findByIdOptional(orderId);
        if (order.isEmpty()) {
            LOG.warnf("Ignoring an event about order %s, which sales never placed", orderId);
        }
        return order;
    }
}
