package org.ordercycle.billing.invoice;

public enum InvoiceStatus {
    /** Something is still to be paid. */
    OPEN,
    /** Payments cover the gross amount. */
    PAID
}
