package org.ordercycle.events.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.Money;
import org.ordercycle.events.OptionalField;

/**
 * Returns asks billing to refund a return quickly; billing answers with a credit note and
 * {@link org.ordercycle.events.billing.RefundPaid}.
 * Published by returns on {@code returns.cases}, keyed by {@code orderId}.
 *
 * @param amount the amount to refund, gross, at the prices sales agreed
 * @param lines  what the refund is for; empty for a claim without goods (late delivery, missing part), whose
 *               amount billing caps at the order's invoiced gross
 * @param settlement how the customer wants the money: {@code REFUND} to the original payment means, or
 *               {@code CREDIT} against the next invoice; absent means {@code REFUND}
 * @param reason why the refund is partial or what the claim is for
 */
public record RefundRequested(UUID eventId, Instant occurredAt, UUID returnId, UUID orderId, UUID customerId,
        Money amount, List<ReturnLine> lines, @OptionalField String settlement, @OptionalField String reason) implements Event {
}
