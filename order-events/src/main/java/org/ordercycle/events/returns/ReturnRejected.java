package org.ordercycle.events.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;

/**
 * Returns rejected a return request; the order is no longer disputed.
 * Published by returns on {@code returns.cases}, keyed by {@code orderId}.
 *
 * @param lines  the lines that were requested
 * @param reason why it was rejected, as told to the customer
 * @param by user name of the person who acted, when a person did
 */
public record ReturnRejected(UUID eventId, Instant occurredAt, UUID returnId, UUID orderId, UUID customerId,
        List<ReturnLine> lines, String reason, @OptionalField String by) implements Event {
}
