package org.ordercycle.events.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;
import org.ordercycle.events.Money;

/**
 * What production can offer of one product changed, so sales can promise immediate delivery, offer surplus
 * capacity at a discount and see its margin.
 * Published by production on {@code production.availability}, keyed by {@code sku}.
 *
 * @param onHand               in stock, in the product's unit
 * @param reserved             of that, reserved for accepted orders
 * @param availableToPromise   what sales may still promise now
 * @param leadTimeDays         days to make more
 * @param surplusCapacityHours free hours on the work centers that make it, this month
 * @param unitCost             production's cost of one unit, the base of sales' margin
 * @param by user name of the person who acted, when a person did
 */
public record AvailabilityChanged(UUID eventId, Instant occurredAt, String sku, BigDecimal onHand,
        BigDecimal reserved, BigDecimal availableToPromise, int leadTimeDays, BigDecimal surplusCapacityHours,
        Money unitCost, @OptionalField String by) implements Event {
}
