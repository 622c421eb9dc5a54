package org.ordercycle.events.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;

/**
 * Returns authorized a return (RMA): the goods may come back.
 * Published by returns on {@code returns.cases}, keyed by {@code orderId}.
 *
 * @param lines  what may come back, possibly less than requested
 * @param reason the reason as accepted by returns; absent when the request gave none
 * @param by user name of the person who acted, when a person did
 */
public record ReturnAuthorized(UUID eventId, Instant occurredAt, UUID returnId, UUID orderId, UUID customerId,
        List<ReturnLine> lines, @OptionalField String reason, @OptionalField String by) implements Event {
}
