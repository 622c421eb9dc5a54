package org.ordercycle.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact one department publishes for the others. The id is what an idempotent inbox remembers and
 * travels as {@code ce_id}; the moment it happened travels as {@code ce_time}.
 */
public interface Event {

    UUID eventId();

    Instant occurredAt();
}
