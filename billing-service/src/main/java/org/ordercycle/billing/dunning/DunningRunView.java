package org.ordercycle.billing.dunning;

/** What a dunning run did: invoices newly overdue, notices issued, overdue invoices skipped because disputed. */
public record DunningRunView(int overdue, int notices, int skippedDisputed) {
}
