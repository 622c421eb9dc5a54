package org.ordercycle.events.sales;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * The order was cancelled: production releases its reservations and schedule, billing invoices nothing more.
 * Published by sales on {@code sales.orders}, keyed by {@code orderId}.
 */
public record OrderCancelled(UUID eventId, Instant occurredAt, UUID orderId, String reason) implements Event {
}
