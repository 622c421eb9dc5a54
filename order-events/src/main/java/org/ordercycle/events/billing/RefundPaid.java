package org.ordercycle.events.billing;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.Money;
import org.ordercycle.events.OptionalField;

/**
 * Billing paid a customer back for a return; returns can close the case.
 * Published by billing on {@code billing.payments}, keyed by {@code customerId}.
 *
 * @param settlement {@code REFUND} (paid back to the original payment means) or {@code CREDIT} (kept as credit
 *                   for the next invoice); absent means {@code REFUND}
 */
public record RefundPaid(UUID eventId, Instant occurredAt, UUID refundId, UUID returnId, UUID orderId,
        UUID customerId, Money amount, @OptionalField String settlement) implements Event {
}
