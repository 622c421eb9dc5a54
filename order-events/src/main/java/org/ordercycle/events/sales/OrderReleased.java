package org.ordercycle.events.sales;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;

/**
 * Sales released an order from hold; it continues where it stopped.
 * Published by sales on {@code sales.orders}, keyed by {@code orderId}.
 *
 * @param reason why, when one was given
 * @param by user name of who did it, or {@code system} for an automatic rule
 */
public record OrderReleased(UUID eventId, Instant occurredAt, UUID orderId, @OptionalField String reason,
        String by) implements Event {
}
