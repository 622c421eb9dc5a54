package org.ordercycle.events.sales;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;

/**
 * The order was cancelled: production releases its reservations and schedule, billing invoices nothing more.
 * Published by sales on {@code sales.orders}, keyed by {@code orderId}.
 *
 * @param reason why, when one was given
 * @param by user name of the person who acted, when a person did
 */
public record OrderCancelled(UUID eventId, Instant occurredAt, UUID orderId, @OptionalField String reason,
        @OptionalField String by)
        implements Event {
}
