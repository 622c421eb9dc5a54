package org.ordercycle.events.production;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * Stock did not cover an accepted order: what was there is reserved, the rest is back-ordered.
 * Published by production on {@code production.schedule}, keyed by {@code orderId}.
 */
public record OrderBackordered(UUID eventId, Instant occurredAt, UUID orderId, List<ReservationLine> lines)
        implements Event {
}
