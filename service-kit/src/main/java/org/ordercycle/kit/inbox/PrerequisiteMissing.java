package org.ordercycle.kit.inbox;

/**
 * Thrown by a handler that cannot apply an event yet because a fact from another topic has not arrived: a
 * shipment read before the acceptance of its order. The event is neither dropped nor dead-lettered: the kit parks
 * it and applies it again once the prerequisite {@linkplain Prerequisites#arrived arrives}.
 *
 * <pre>{@code
 * void on(ShipmentDispatched event) {
 *     Order order = orders.find(event.orderId())
 *             .orElseThrow(() -> PrerequisiteMissing.of("order-accepted", event.orderId()));
 *     ...
 * }
 * }</pre>
 *
 * Throw it before changing anything: the transaction is rolled back either way.
 */
public class PrerequisiteMissing extends RuntimeException {

    private final String prerequisite;

    public PrerequisiteMissing(String prerequisite) {
        super("waits for " + prerequisite, null, false, false);
        this.prerequisite = prerequisite;
    }

    /** A prerequisite named by what it is and whose it is, e.g. {@code ("order-accepted", orderId)}. */
    public static PrerequisiteMissing of(String kind, Object id) {
        return new PrerequisiteMissing(Prerequisites.name(kind, id));
    }

    public String prerequisite() {
        return prerequisite;
    }
}
