package org.ordercycle.events.production;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * Production reserved stock for every line of an accepted order.
 * Published by production on {@code production.schedule}, keyed by {@code orderId}.
 */
public record StockReserved(UUID eventId, Instant occurredAt, UUID orderId, List<ReservationLine> lines)
        implements Event {
}
