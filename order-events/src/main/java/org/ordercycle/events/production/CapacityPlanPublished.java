package org.ordercycle.events.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * Production's capacity plan for one work center and month, made against sales' forecast.
 * Published by production on {@code production.capacity}, keyed by {@code workCenter}.
 *
 * @param workCenter     code of the work center, e.g. {@code ASSEMBLY-1}
 * @param hoursAvailable hours the work center can work that month
 * @param hoursCommitted hours already planned for scheduled orders
 */
public record CapacityPlanPublished(UUID eventId, Instant occurredAt, String workCenter, YearMonth month,
        BigDecimal hoursAvailable, BigDecimal hoursCommitted) implements Event {
}
