package org.ordercycle.production.shipment;

import java.time.Instant;

/** The customer has the goods; when, if not now. */
public record DeliveryRequest(Instant deliveredAt) {
}
