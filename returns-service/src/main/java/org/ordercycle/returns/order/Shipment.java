package org.ordercycle.returns.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.production.ShippedLine;

/** What left the warehouse for an order, as production reported it: all that can ever come back. */
@Entity
public class Shipment extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID orderId;

    public UUID customerId;

    public Instant shippedAt;

    /** When the customer got it (ShipmentDelivered); absent until production reports it. */
    public Instant deliveredAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shipment_line", joinColumns = @JoinColumn(name = "shipment_id"))
    public List<Line> lines = new ArrayList<>();

    @Embeddable
    public static class Line {
        public int lineNo;
        public String sku;
        public BigDecimal quantity;
    }

    /** Keeps the shipment, whether or not returns knows the order yet; a shipment already held is not counted twice. */
    static void record(ShipmentDispatched event) {
        if (findById(event.shipmentId()) != null) {
            return;
        }
        Shipment shipment = new Shipment();
        shipment.id = event.shipmentId();
        shipment.orderId = event.orderId();
        shipment.customerId = event.customerId();
        shipment.shippedAt = event.shippedAt();
        Map<Integer, Line> byLine = new TreeMap<>();
        for (ShippedLine shipped : event.lines()) {
            Line line = byLine.computeIfAbsent(shipped.lineNo(), lineNo -> {
                Line created = new Line();
                created.lineNo = lineNo;
                created.sku = shipped.sku();
                created.quantity = BigDecimal.ZERO;
                return created;
            });
            line.quantity = line.quantity.add(shipped.quantity());
        }
        shipment.lines.addAll(byLine.values());
        shipment.persist();
    }

    /** The customer got the shipment: return windows run from this moment on. */
    void deliver(Instant at) {
        deliveredAt = at;
    }

    /** The latest moment goods of the order reached the customer (delivery, else dispatch); empty if none shipped. */
    public static Optional<Instant> lastHandedOver(UUID orderId) {
        Instant last = getEntityManager().createQuery("""
                select max(coalesce(s.deliveredAt, s.shippedAt)) from Shipment s where s.orderId = :order""",
                Instant.class)
                .setParameter("order", orderId)
                .getSingleResult();
        return Optional.ofNullable(last);
    }

    /** All shipped of each line of the order, over all its shipments. */
    public static Map<Integer, BigDecimal> shippedPerLine(UUID orderId) {
        Map<Integer, BigDecimal> shipped = new HashMap<>();
        getEntityManager().createQuery("""
                select l.lineNo, sum(l.quantity) from Shipment s join s.lines l
                where s.orderId = :order group by l.lineNo""", Object[].class)
                .setParameter("order", orderId)
                .getResultList()
                .forEach(row -> shipped.put((Integer) row[0], (BigDecimal) row[1]));
        return shipped;
    }
}
