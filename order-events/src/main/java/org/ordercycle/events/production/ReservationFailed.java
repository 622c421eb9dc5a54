package org.ordercycle.events.production;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * Production could not reserve for an accepted order at all (e.g. an unknown or discontinued sku); sales
 * compensates by back-ordering the order or talking to the customer.
 * Published by production on {@code production.schedule}, keyed by {@code orderId}.
 *
 * @param lines  the lines as far as they could be handled
 * @param reason why, for the salesperson
 */
public record ReservationFailed(UUID eventId, Instant occurredAt, UUID orderId, List<ReservationLine> lines,
        String reason) implements Event {
}
