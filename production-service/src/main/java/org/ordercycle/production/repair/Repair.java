package org.ordercycle.production.repair;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Returned goods inspection found repairable, in the workshop's queue. */
@Entity
public class Repair extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID returnId;

    public UUID orderId;

    public int lineNo;

    public String sku;

    public BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    public RepairStatus status;

    public Instant receivedAt;

    public String receivedBy;

    public Instant doneAt;

    public String doneBy;

    static Repair queue(UUID returnId, UUID orderId, int lineNo, String sku, BigDecimal quantity, Instant at,
            String by) {
        Repair repair = new Repair();
        repair.id = UUID.randomUUID();
        repair.returnId = returnId;
        repair.orderId = orderId;
        repair.lineNo = lineNo;
        repair.sku = sku;
        repair.quantity = quantity;
        repair.status = RepairStatus.QUEUED;
        repair.receivedAt = at;
        repair.receivedBy = by;
        repair.persist();
        return repair;
    }

    boolean queued() {
        return status == RepairStatus.QUEUED;
    }

    /** The workshop is done with it: repaired or scrapped. */
    void finish(RepairStatus outcome, Instant at, String by) {
        if (!queued() || outcome == RepairStatus.QUEUED) {
            throw new IllegalStateException("repair " + id + " is " + status + "; cannot become " + outcome);
        }
        status = outcome;
        doneAt = at;
        doneBy = by;
    }
}
