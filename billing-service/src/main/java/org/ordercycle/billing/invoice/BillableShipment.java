package org.ordercycle.billing.invoice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A shipment as billing recorded it when it left: the shipped quantities at the lines agreed at that moment. It is
 * invoiced when the customer's trigger says so; the shipment id is its key, so a replayed shipment is billed once.
 */
@Entity
public class BillableShipment extends PanacheEntityBase {

    public enum Status {
        /** Waiting for its trigger (delivery, the period's end, a purchase-order reference). */
        PENDING,
        INVOICED,
        /** A zero-value shipment (a replacement at price 0): nothing to pay, no invoice, no number. */
        NOTHING_TO_BILL
    }

    @Id
    public UUID shipmentId;

    public UUID orderId;

    public UUID customerId;

    @Column(columnDefinition = "char(3)")
    public String currency;

    /** The day it left, in the company's time zone: decides the billing period. */
    public LocalDate dispatchedOn;

    public Instant dispatchedAt;

    public Instant deliveredAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    public UUID invoiceId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "billable_shipment_line", joinColumns = @JoinColumn(name = "shipment_id"))
    @OrderBy("lineNo")
    public List<ShipmentLine> lines = new ArrayList<>();

    @Version
    public long version;

    /** Records the shipment (persisted at once). */
    static BillableShipment record(UUID shipmentId, UUID orderId, UUID customerId, String currency,
            List<ShipmentLine> lines, LocalDate dispatchedOn, Instant dispatchedAt) {
        BillableShipment shipment = shipped(shipmentId, orderId, customerId, currency, lines, dispatchedOn, dispatchedAt);
        shipment.persist();
        return shipment;
    }

    /**
     * The shipment as it left, not persisted yet: a batch invoices it first and persists it then, so that its row is
     * inserted once with its final state instead of inserted and updated.
     */
    static BillableShipment shipped(UUID shipmentId, UUID orderId, UUID customerId, String currency,
            List<ShipmentLine> lines, LocalDate dispatchedOn, Instant dispatchedAt) {
        BillableShipment shipment = new BillableShipment();
        shipment.shipmentId = shipmentId;
        shipment.orderId = orderId;
        shipment.customerId = customerId;
        shipment.currency = currency;
        shipment.lines.addAll(lines);
        shipment.dispatchedOn = dispatchedOn;
        shipment.dispatchedAt = dispatchedAt;
        shipment.status = shipment.value().signum() == 0 ? Status.NOTHING_TO_BILL : Status.PENDING;
        return shipment;
    }

    /** Net value of the shipment at the agreed prices. */
    public BigDecimal value() {
        return lines.stream().map(line -> line.amounts().net()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    void deliver(Instant at) {
        if (deliveredAt == null) {
            deliveredAt = at;
        }
    }

    void invoiced(UUID invoice) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("shipment " + shipmentId + " is " + status + ", not pending");
        }
        status = Status.INVOICED;
        invoiceId = invoice;
    }

    void nothingToBill() {
        status = Status.NOTHING_TO_BILL;
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    /** The customer's shipments still to be invoiced, oldest first, locked until the transaction ends. */
    static List<BillableShipment> pendingOfCustomerLocked(UUID customerId) {
        return find("customerId = ?1 and status = ?2 order by dispatchedAt, shipmentId", customerId, Status.PENDING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    static List<UUID> customersWithPending() {
        return find("select distinct customerId from BillableShipment where status = ?1", Status.PENDING)
                .project(UUID.class).list();
    }

    static List<BillableShipment> ofOrder(UUID orderId) {
        return list("orderId", orderId);
    }

    /** Which of these shipments are recorded already, in one query. */
    static Set<UUID> recordedAmong(Collection<UUID> shipmentIds) {
        return new HashSet<>(find("select shipmentId from BillableShipment where shipmentId in ?1", shipmentIds)
                .project(UUID.class).list());
    }

    /** What the orders' recorded shipments hold per order and line so far, in one query. */
    static Map<UUID, Map<Integer, BigDecimal>> shippedQuantitiesOf(Collection<UUID> orderIds) {
        Map<UUID, Map<Integer, BigDecimal>> shipped = new HashMap<>();
        getEntityManager().createQuery("""
                        select s.orderId, l.lineNo, sum(l.quantity) from BillableShipment s join s.lines l
                        where s.orderId in ?1 group by s.orderId, l.lineNo""", Object[].class)
                .setParameter(1, orderIds).getResultList()
                .forEach(row -> shipped.computeIfAbsent((UUID) row[0], order -> new TreeMap<>())
                        .put((Integer) row[1], (BigDecimal) row[2]));
        return shipped;
    }
}
