package org.ordercycle.sales.order;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The order an event of another department (or the watchdog) is about. */
public final class Orders {

    private static final Logger LOG = Logger.getLogger(Orders.class);

    private Orders() {
    }

    /**
     * The order, locked for this transaction, when sales placed it. The lock serializes the handlers of the
     * different topics (and a cancellation) on one order: each derives the status from facts the others write, so
     * one must see what the other committed. Sales places every order the other departments act on, in a transaction
     * that commits before they can hear of it, so an unknown id is not an order to wait for: it is ignored.
     */
    public static Optional<Order> known(UUID orderId) {
        Optional<Order> order = locked(orderId);
        if (order.isEmpty()) {
            LOG.warnf("Ignoring an event about order %s, which sales never placed", orderId);
        }
        return order;
    }

    public static Optional<Order> locked(UUID orderId) {
        return Order.findByIdOptional(orderId, LockModeType.PESSIMISTIC_WRITE);
    }
}
