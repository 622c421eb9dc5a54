package org.ordercycle.events.returns;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;

/**
 * A customer rated an order, a return or a service ticket.
 * Published by returns on {@code returns.service}, keyed by {@code customerId}.
 *
 * @param about     id of the order, return or ticket rated
 * @param aboutKind which of the three {@code about} names
 * @param score     1 (very unhappy) to 5 (very happy)
 * @param comment   the customer's words; absent when the customer left none
 */
public record SatisfactionRecorded(UUID eventId, Instant occurredAt, UUID customerId, UUID about,
        AboutKind aboutKind, int score, @OptionalField String comment) implements Event {

    /** What a satisfaction rating is about. */
    public enum AboutKind {
        ORDER,
        RETURN,
        TICKET
    }
}
