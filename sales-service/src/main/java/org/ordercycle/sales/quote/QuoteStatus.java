package org.ordercycle.sales.quote;

/** Where a quote stands: issued to the customer, then accepted (it became an order) or declined. */
public enum QuoteStatus {
    ISSUED,
    ACCEPTED,
    DECLINED
}
