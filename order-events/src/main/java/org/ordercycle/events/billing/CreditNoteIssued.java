package org.ordercycle.events.billing;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.Money;

/**
 * Billing credited a customer against an invoice, for a return.
 * Published by billing on {@code billing.invoices}, keyed by {@code customerId}.
 *
 * @param number the legal credit note number, e.g. {@code CN-2026-000017}
 * @param amount the credited amount, gross
 */
public record CreditNoteIssued(UUID eventId, Instant occurredAt, UUID creditNoteId, String number, UUID customerId,
        UUID invoiceId, UUID returnId, UUID orderId, Money amount) implements Event {
}
