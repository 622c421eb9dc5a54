package org.ordercycle.production.order;

/** Where an order stands in production. Scheduling, building and shipping add their states as they come. */
public enum ProductionOrderStatus {
    /** Placed by sales and known to production; nothing is reserved or scheduled yet. */
    RECEIVED
}
