package org.ordercycle.billing.invoice;

import java.util.UUID;

/** The purchase-order reference billing holds for an order, and how many invoices were issued because it arrived. */
public record OrderReferenceView(UUID orderId, String poReference, int invoicesIssued) {
}
