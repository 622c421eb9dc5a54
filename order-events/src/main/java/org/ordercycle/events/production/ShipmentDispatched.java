package org.ordercycle.events.production;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;

/**
 * Goods of an order left the warehouse; an order may ship in several parts.
 * Published by production on {@code production.shipments}, keyed by {@code orderId}.
 *
 * @param carrier     the carrier's name, or {@code ON_SITE} when delivered or installed by the own staff
 * @param trackingNo  the carrier's tracking number; absent on site
 * @param shippedFrom code of the warehouse or plant
 * @param by user name of the person who acted, when a person did
 */
public record ShipmentDispatched(UUID eventId, Instant occurredAt, UUID shipmentId, UUID orderId, UUID customerId,
        List<ShippedLine> lines, String carrier, @OptionalField String trackingNo, String shippedFrom,
        Instant shippedAt, @OptionalField String by) implements Event {
}
