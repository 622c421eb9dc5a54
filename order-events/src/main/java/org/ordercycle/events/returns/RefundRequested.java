package org.ordercycle.events.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.Money;

/**
 * Returns asks billing to refund a return quickly; billing answers with a credit note and
 * {@link org.ordercycle.events.billing.RefundPaid}.
 * Published by returns on {@code returns.cases}, keyed by {@code orderId}.
 *
 * @param amount the amount to refund, gross, at the prices sales agreed
 * @param lines  what the refund is for
 */
public record RefundRequested(UUID eventId, Instant occurredAt, UUID returnId, UUID orderId, UUID customerId,
        Money amount, List<ReturnLine> lines) implements Event {
}
