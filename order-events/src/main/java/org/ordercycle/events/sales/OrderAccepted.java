package org.ordercycle.events.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;

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
 */
public record OrderAccepted(UUID eventId, Instant occurredAt, UUID orderId, UUID customerId, List<OrderLine> lines,
        String currency, int priority, LocalDate promisedDate, String decidedBy, boolean automatic)
        implements Event {
}
