package org.ordercycle.production.shipment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A shipment as the API shows it: exactly what left, when, how and by whom. */
public record ShipmentView(UUID id, UUID orderId, ShipmentMode mode, String carrier, String trackingNo,
        String shippedFrom, Instant shippedAt, String shippedBy, Instant deliveredAt, String deliveredBy,
        List<LineView> lines) {

    public record LineView(int lineNo, String sku, BigDecimal quantity) {
    }

    public static ShipmentView from(Shipment shipment) {
        return new ShipmentView(shipment.id, shipment.orderId, shipment.mode, shipment.carrier, shipment.trackingNo,
                shipment.shippedFrom, shipment.shippedAt, shipment.shippedBy, shipment.deliveredAt,
                shipment.deliveredBy,
                shipment.lines.stream().map(line -> new LineView(line.lineNo, line.sku, line.quantity)).toList());
    }
}
