package org.ordercycle.events.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * A customer asked to return goods of an order; from now billing treats the order as disputed (no dunning).
 * Published by returns on {@code returns.cases}, keyed by {@code orderId}.
 *
 * @param reason the customer's reason, e.g. {@code damaged in transit}
 */
public record ReturnRequested(UUID eventId, Instant occurredAt, UUID returnId, UUID orderId, UUID customerId,
        List<ReturnLine> lines, String reason) implements Event {
}
