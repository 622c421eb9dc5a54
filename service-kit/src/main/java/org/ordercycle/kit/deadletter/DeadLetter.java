package org.ordercycle.kit.deadletter;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A record this service could not apply, with where it came from and why: what an operator needs to fix the cause
 * and then replay it, or to decide it needs nothing and resolve it.
 *
 * @param handler the handler that failed, or null when no handler could be reached (unreadable, incomplete record)
 * @param resolution {@code REPLAYED} or {@code RESOLVED}; null while the dead letter waits for an operator
 */
public record DeadLetter(UUID id, String topic, int partition, long offset, String key, String eventType,
        UUID eventId, String handler, String reason, String exception, int attempts, Instant createdAt,
        Instant resolvedAt, String resolution, String resolvedBy, Map<String, String> headers, String payload) {

    public boolean resolved() {
        return resolvedAt != null;
    }
}
