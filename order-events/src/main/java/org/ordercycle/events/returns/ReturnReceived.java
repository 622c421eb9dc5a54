package org.ordercycle.events.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;

/**
 * Returned goods arrived and were inspected; production restocks what is resellable.
 * Published by returns on {@code returns.cases}, keyed by {@code orderId}.
 * @param by user name of the person who acted, when a person did
 */
public record ReturnReceived(UUID eventId, Instant occurredAt, UUID returnId, UUID orderId,
        List<ReceivedLine> lines, @OptionalField String by) implements Event {
}
