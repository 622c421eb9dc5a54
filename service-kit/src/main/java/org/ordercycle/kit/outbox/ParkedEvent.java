package org.ordercycle.kit.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox event the broker refused for good, as an operator sees it: what it is, where it was going, how often
 * and why it was refused. {@code parkedAt} is null once it has been released for another try.
 */
public record ParkedEvent(long id, UUID eventId, String topic, String key, String type, int attempts, String reason,
        Instant createdAt, Instant parkedAt) {
}
