package org.ordercycle.events.returns;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * A return case is finished.
 * Published by returns on {@code returns.cases}, keyed by {@code orderId}.
 *
 * @param outcome how it ended, e.g. {@code REFUNDED}, {@code REPLACED}, {@code REPAIRED}, {@code REJECTED},
 *                {@code WITHDRAWN}
 */
public record ReturnClosed(UUID eventId, Instant occurredAt, UUID returnId, UUID orderId, String outcome)
        implements Event {
}
