package org.ordercycle.events.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;

/**
 * Sales asks production to finish an accepted order earlier; production answers with
 * {@link org.ordercycle.events.production.ExpediteAnswered} and the cost of the change.
 * Published by sales on {@code sales.orders}, keyed by {@code orderId}.
 *
 * @param wantedDate  the completion date sales asks for
 * @param reason      why, when the salesperson gave a reason
 * @param requestedBy user name of the salesperson asking
 */
public record ExpediteRequested(UUID eventId, Instant occurredAt, UUID orderId, LocalDate wantedDate,
        @OptionalField String reason, String requestedBy) implements Event {
}
