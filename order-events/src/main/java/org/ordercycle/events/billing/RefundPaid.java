package org.ordercycle.events.billing;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.Money;

/**
 * Billing paid a customer back for a return; returns can close the case.
 * Published by billing on {@code billing.payments}, keyed by {@code customerId}.
 */
public record RefundPaid(UUID eventId, Instant occurredAt, UUID refundId, UUID returnId, UUID orderId,
        UUID customerId, Money amount) implements Event {
}
