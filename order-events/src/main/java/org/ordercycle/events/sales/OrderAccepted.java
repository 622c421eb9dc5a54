package org.ordercycle.events.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;

/**
 * Sales took the order: production schedules it, billing will invoice it at exactly these lines' prices and
 * discounts (billing's only price source), returns accepts returns against it.
 * Published by sales on {@code sales.orders}, keyed by {@code orderId}.
 *
 * @param lines        the agreed lines, prices always set
 * @param currency     ISO-4217 code of the agreed prices
 * @param priority     scheduling rank from the selection policy's score, 0 to 100: higher is scheduled first
 * @param promisedDate the delivery date promised to the customer; it is never lost
 * @param decidedBy    user name of the manager who decided, or {@code selection-policy} when automatic
 * @param automatic    true when the selection policy decided without a manager
 * @param quoteId the quote the order came from, when it came from one
 * @param clarificationSummary what sales clarified with the customer before accepting, when anything
 * @param acceptanceCriteria what the customer will check on delivery, when agreed
 */
public record OrderAccepted(UUID eventId, Instant occurredAt, UUID orderId, UUID customerId, List<OrderLine> lines,
        String currency, int priority, LocalDate promisedDate, String decidedBy, boolean automatic,
        @OptionalField UUID quoteId, @OptionalField String clarificationSummary,
        @OptionalField List<String> acceptanceCriteria)
        implements Event {
}
