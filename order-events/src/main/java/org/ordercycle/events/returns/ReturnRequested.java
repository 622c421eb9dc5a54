package org.ordercycle.events.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;

/**
 * A customer asked to return goods of an order; from now billing treats the order as disputed (no dunning).
 * Published by returns on {@code returns.cases}, keyed by {@code orderId}.
 *
 * @param reason the customer's reason, e.g. {@code damaged in transit}; absent when none was given (a
 *               withdrawal needs none)
 * @param by user name of the person who acted, when a person did
 */
public record ReturnRequested(UUID eventId, Instant occurredAt, UUID returnId, UUID orderId, UUID customerId,
        List<ReturnLine> lines, @OptionalField String reason, @OptionalField String by) implements Event {
}
