package org.ordercycle.billing.invoice;

/** What a billing run did: customers with pending shipments looked at, invoices issued. */
public record BillingRunView(int customers, int invoicesIssued) {
}
