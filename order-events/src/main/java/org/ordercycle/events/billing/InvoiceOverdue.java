package org.ordercycle.events.billing;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.Money;

/**
 * An invoice passed its due date unpaid (not published while the order is disputed by a return).
 * Published by billing on {@code billing.invoices}, keyed by {@code customerId}.
 *
 * @param openAmount what is still unpaid of the invoice
 */
public record InvoiceOverdue(UUID eventId, Instant occurredAt, UUID invoiceId, UUID customerId, int daysOverdue,
        Money openAmount) implements Event {
}
