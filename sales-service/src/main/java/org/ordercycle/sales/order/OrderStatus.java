package org.ordercycle.sales.order;

/** Where an order stands in sales. */
public enum OrderStatus {
    /** Entered for a known customer, not yet accepted or declined. */
    PLACED
}
