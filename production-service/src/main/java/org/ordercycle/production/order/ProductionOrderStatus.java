package org.ordercycle.production.order;

/** Where an order stands in production. */
public enum ProductionOrderStatus {
    /** Placed by sales and known to production; not accepted yet, so nothing is reserved. */
    RECEIVED,
    /** Accepted, and every line not yet shipped is reserved from stock. */
    RESERVED,
    /** Accepted, and some of it is not in stock: it waits for goods receipts (or returns). */
    BACKORDERED,
    /** Accepted; nothing is missing from stock, but make-to-order lines wait for their production orders. */
    IN_PRODUCTION,
    /** Some of it has left the warehouse, not all. */
    PARTIALLY_SHIPPED,
    /** Everything ordered has left the warehouse. */
    SHIPPED,
    /** Sales cancelled it: nothing is reserved or backordered for it any more and nothing more ships. */
    CANCELLED
}
