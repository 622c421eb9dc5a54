package org.ordercycle.production.shipment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Goods of one order that left the warehouse together, with a carrier. */
@Entity
public class Shipment extends PanacheEntityBase {

    /** What a shipment straight from the production line names as where it came from. */
    static final String LINE = "LINE";

    @Id
    public UUID id;

    public UUID orderId;

    public String carrier;

    public String trackingNo;

    public String shippedFrom;

    public Instant shippedAt;

    public String shippedBy;

    @Enumerated(EnumType.STRING)
    public ShipmentMode mode;

    public Instant deliveredAt;

    public String deliveredBy;

    @ElementCollection
    @CollectionTable(name = "shipment_line", joinColumns = @JoinColumn(name = "shipment_id"))
    @OrderBy("lineNo")
    public List<Line> lines = new ArrayList<>();

    /** What left for one order line. */
    @Embeddable
    public static class Line {
        public int lineNo;
        public String sku;
        public BigDecimal quantity;
    }

    static Shipment dispatch(UUID orderId, ShipmentMode mode, String warehouse, String carrier, String trackingNo,
            Instant at, String by) {
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.orderId = orderId;
        shipment.mode = mode;
        shipment.carrier = carrier;
        shipment.trackingNo = trackingNo;
        shipment.shippedFrom = mode == ShipmentMode.LINE ? LINE : warehouse;
        shipment.shippedAt = at;
        shipment.shippedBy = by;
        return shipment;
    }

    void add(int lineNo, String sku, BigDecimal quantity) {
        Line line = new Line();
        line.lineNo = lineNo;
        line.sku = sku;
        line.quantity = quantity;
        lines.add(line);
    }

    /** The customer has the goods. */
    void deliver(Instant at, String by) {
        if (deliveredAt != null) {
            throw new IllegalStateException("shipment " + id + " was delivered at " + deliveredAt);
        }
        deliveredAt = at;
        deliveredBy = by;
    }

    public boolean delivered() {
        return deliveredAt != null;
    }

    public static List<Shipment> ofOrder(UUID orderId) {
        return list("orderId = ?1 order by shippedAt, id", orderId);
    }
}
