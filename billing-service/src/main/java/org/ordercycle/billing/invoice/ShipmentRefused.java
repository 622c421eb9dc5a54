package org.ordercycle.billing.invoice;

/**
 * A shipment billing must not invoice: it names a line the order does not have, or it would take the invoiced
 * quantity of a line above what was ordered. It fails every time, so the kit dead-letters it with this message.
 */
public class ShipmentRefused extends RuntimeException {

    ShipmentRefused(String message) {
        super(message);
    }
}
