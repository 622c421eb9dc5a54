package org.ordercycle.events.billing;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.Money;

/**
 * Billing sent the customer a reminder for an overdue invoice.
 * Published by billing on {@code billing.invoices}, keyed by {@code customerId}.
 *
 * @param level 1 for the first reminder, counting up with each further one
 * @param fee   the dunning fee charged with this notice; zero when none
 */
public record DunningNoticeIssued(UUID eventId, Instant occurredAt, UUID invoiceId, UUID customerId,
        int daysOverdue, int level, Money fee) implements Event {
}
