package org.ordercycle.production.purchasing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/** Someone production buys from; what was bought shapes the quality the customer gets, so rejects are counted. */
@Entity
public class Supplier extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String email;

    public String phone;

    /** The supplier's organization in the CRM, when it is known there. */
    public UUID partyId;

    public BigDecimal receivedQuantity = BigDecimal.ZERO;

    public BigDecimal rejectedQuantity = BigDecimal.ZERO;

    public Instant createdAt;

    static Supplier register(SupplierRequest request, Instant at) {
        Supplier supplier = new Supplier();
        supplier.id = UUID.randomUUID();
        supplier.name = request.name();
        supplier.email = request.email();
        supplier.phone = request.phone();
        supplier.partyId = request.partyId();
        supplier.createdAt = at;
        supplier.persist();
        return supplier;
    }

    /** Incoming inspection of a delivery: so much accepted, so much rejected. */
    void inspected(BigDecimal accepted, BigDecimal rejected) {
        receivedQuantity = receivedQuantity.add(accepted).add(rejected);
        rejectedQuantity = rejectedQuantity.add(rejected);
    }

    /** Rejected of all received, 0 to 1; null before anything was received. */
    public BigDecimal rejectRate() {
        return receivedQuantity.signum() == 0 ? null
                : rejectedQuantity.divide(receivedQuantity, 4, RoundingMode.HALF_UP);
    }
}
