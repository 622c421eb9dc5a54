package org.ordercycle.events.returns;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * Service staff were debriefed after a ticket; what they learnt about the customer reaches the CRM.
 * Published by returns on {@code returns.service}, keyed by {@code customerId}.
 *
 * @param learnings free text for the account owner
 * @param by        user name of the technician debriefed
 */
public record ServiceDebriefRecorded(UUID eventId, Instant occurredAt, UUID ticketId, UUID customerId,
        String learnings, String by) implements Event {
}
