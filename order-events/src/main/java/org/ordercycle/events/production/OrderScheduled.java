package org.ordercycle.events.production;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * Production put an accepted order into its schedule; sales compares the completion with the promised date.
 * Published by production on {@code production.schedule}, keyed by {@code orderId}.
 *
 * @param plannedCompletion the day the order is planned to be ready to ship
 */
public record OrderScheduled(UUID eventId, Instant occurredAt, UUID orderId, LocalDate plannedCompletion)
        implements Event {
}
