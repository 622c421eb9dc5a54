package org.ordercycle.production.shipment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
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

    /** The one warehouse there is for now. */
    static final String MAIN_WAREHOUSE = "MAIN";

    @Id
    public UUID id;

    public UUID orderId;

    public String carrier;

    public String trackingNo;

    public String shippedFrom;

    public Instant shippedAt;

    public String shippedBy;

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

    static Shipment dispatch(UUID orderId, String carrier, String trackingNo, Instant at, String by) {
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.orderId = orderId;
        shipment.carrier = carrier;
        shipment.trackingNo = trackingNo;
        shipment.shippedFrom = MAIN_WAREHOUSE;
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

    public static List<Shipment> ofOrder(UUID orderId) {
        return list("orderId = ?1 order by shippedAt, id", orderId);
    }
}
