package org.ordercycle.events.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.Money;
import org.ordercycle.events.OptionalField;

/**
 * Production's answer to {@link org.ordercycle.events.sales.ExpediteRequested}: whether it can, by when, and
 * what the change costs, including which other orders it pushes back.
 * Published by production on {@code production.schedule}, keyed by {@code orderId}.
 *
 * @param newDate         the completion date production can offer; absent when not granted
 * @param cost            extra cost of the change (overtime, set-ups); absent when not granted
 * @param displacedOrders ids of the orders that would move later
 * @param overtimeHours   overtime the change needs; absent when not granted or none
 * @param reason          why production refused, or what the grant rests on
 */
public record ExpediteAnswered(UUID eventId, Instant occurredAt, UUID orderId, boolean granted,
        @OptionalField LocalDate newDate, @OptionalField Money cost, List<UUID> displacedOrders,
        @OptionalField BigDecimal overtimeHours, @OptionalField String reason) implements Event {
}
