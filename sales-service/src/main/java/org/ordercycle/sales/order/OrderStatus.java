package org.ordercycle.sales.order;

/** Where an order stands in the cycle, as sales learns it from every department's events. */
public enum OrderStatus {
    /** Entered for a known customer, not yet decided. */
    PLACED,
    /** The customer's credit limit would be exceeded: waits for a sales manager to release or decline it. */
    ON_HOLD,
    /** The selection policy scored it below the threshold: waits in the manager queue. */
    AWAITING_DECISION,
    /** A sales manager declined it. */
    DECLINED,
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
    CANCELLED;

    /** Still to be delivered: at risk when production plans to finish after the promised date. */
    boolean undelivered() {
        return this == ACCEPTED || this == RESERVED || this == BACKORDERED || this == PARTIALLY_SHIPPED;
    }
}
