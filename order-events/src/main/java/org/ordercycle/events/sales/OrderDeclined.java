package org.ordercycle.events.sales;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * Sales declined the order, with the reason given to the customer.
 * Published by sales on {@code sales.orders}, keyed by {@code orderId}.
 *
 * @param decidedBy user name of the manager who decided, or {@code selection-policy} when automatic
 */
public record OrderDeclined(UUID eventId, Instant occurredAt, UUID orderId, String reason, String decidedBy)
        implements Event {
}
