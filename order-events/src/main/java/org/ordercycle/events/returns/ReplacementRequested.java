package org.ordercycle.events.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * Returns asks sales to send replacement goods instead of a refund.
 * Published by returns on {@code returns.cases}, keyed by {@code orderId}.
 *
 * @param lines what to replace
 */
public record ReplacementRequested(UUID eventId, Instant occurredAt, UUID returnId, UUID orderId,
        List<ReturnLine> lines) implements Event {
}
