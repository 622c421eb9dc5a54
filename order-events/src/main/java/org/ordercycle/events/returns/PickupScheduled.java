package org.ordercycle.events.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Address;
import org.ordercycle.events.Event;

/**
 * A carrier will collect authorized return goods from the customer.
 * Published by returns on {@code returns.cases}, keyed by {@code orderId}.
 *
 * @param lines         what the carrier collects
 * @param carrier       the carrier's name
 * @param pickupDate    the day of collection
 * @param pickupAddress where the goods are collected
 */
public record PickupScheduled(UUID eventId, Instant occurredAt, UUID returnId, UUID orderId, UUID customerId,
        List<ReturnLine> lines, String carrier, LocalDate pickupDate, Address pickupAddress) implements Event {
}
