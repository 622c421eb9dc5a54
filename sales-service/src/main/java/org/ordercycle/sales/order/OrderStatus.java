package org.ordercycle.sales.order;

/** Where an order stands in the cycle, as sales learns it from every department's events. */
public enum OrderStatus {
    /** Entered for a known customer, not yet accepted. */
    PLACED,
    /** Accepted at the agreed prices; production has not reserved yet. */
    ACCEPTED,
    /** Everything ordered is reserved from stock. */
    RESERVED,
    /** Some of it is missing and back-ordered. */
    BACKORDERED,
    /** Part of it left the warehouse. */
    PARTIALLY_SHIPPED,
    /** Everything ordered left the warehouse. */
    SHIPPED,
    /** Everything ordered shipped and every shipment invoiced. */
    INVOICED,
    /** … and every invoice fully paid. */
    PAID,
    /** A return of the order is open. */
    RETURN_REQUESTED,
    /** The returns' refunds are paid. */
    REFUNDED,
    /** Cancelled before anything shipped. */
    CANCELLED
}
