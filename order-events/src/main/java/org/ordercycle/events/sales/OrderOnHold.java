package org.ordercycle.events.sales;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * Sales put an order on hold (e.g. credit limit exceeded, clarification pending): nothing moves until
 * it is released.
 * Published by sales on {@code sales.orders}, keyed by {@code orderId}.
 *
 * @param by user name of who did it, or {@code system} for an automatic rule
 */
public record OrderOnHold(UUID eventId, Instant occurredAt, UUID orderId, String reason, String by) implements Event {
}
