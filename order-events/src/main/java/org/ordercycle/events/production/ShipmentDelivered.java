package org.ordercycle.events.production;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * The carrier (or own staff) handed a shipment to the customer.
 * Published by production on {@code production.shipments}, keyed by {@code orderId}.
 */
public record ShipmentDelivered(UUID eventId, Instant occurredAt, UUID shipmentId, UUID orderId,
        Instant deliveredAt) implements Event {
}
