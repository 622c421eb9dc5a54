package org.ordercycle.events.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * Sales asks production to finish an accepted order earlier; production answers with
 * {@link org.ordercycle.events.production.ExpediteAnswered} and the cost of the change.
 * Published by sales on {@code sales.orders}, keyed by {@code orderId}.
 *
 * @param wantedDate  the completion date sales asks for
 * @param requestedBy user name of the salesperson asking
 */
public record ExpediteRequested(UUID eventId, Instant occurredAt, UUID orderId, LocalDate wantedDate, String reason,
        String requestedBy) implements Event {
}
