package org.ordercycle.production.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the stock ledger: how much on hand and reserved changed at one (product, warehouse), why and by whom.
 * Written only by {@link Stock}'s transitions, in the transaction that changes the figures: the ledger's sums are
 * the figures.
 */
@Entity
public class StockMovement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String sku;

    public String warehouse;

    @Enumerated(EnumType.STRING)
    public MovementKind kind;

    public BigDecimal onHandChange;

    public BigDecimal reservedChange;

    public Instant movedAt;

    public String movedBy;

    public UUID orderId;

    public Integer lineNo;

    public String reference;

    public String reason;

    static void record(Stock stock, MovementKind kind, BigDecimal onHandChange, BigDecimal reservedChange,
            Cause cause) {
        StockMovement movement = new StockMovement();
        movement.sku = stock.sku;
        movement.warehouse = stock.warehouse;
        movement.kind = kind;
        movement.onHandChange = onHandChange;
        movement.reservedChange = reservedChange;
        movement.movedAt = cause.at();
        movement.movedBy = cause.by();
        movement.orderId = cause.orderId();
        movement.lineNo = cause.lineNo();
        movement.reference = cause.reference();
        movement.reason = cause.reason();
        movement.persist();
    }
}
