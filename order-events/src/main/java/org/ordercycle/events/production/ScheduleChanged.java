package org.ordercycle.events.production;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * Production moved a scheduled order; every change is recorded with its reason.
 * Published by production on {@code production.schedule}, keyed by {@code orderId}.
 *
 * @param plannedCompletion  the new day the order is planned to be ready to ship
 * @param previousCompletion the day planned before this change
 */
public record ScheduleChanged(UUID eventId, Instant occurredAt, UUID orderId, LocalDate plannedCompletion,
        LocalDate previousCompletion, String reason) implements Event {
}
