package org.ordercycle.production.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A goods receipt: what came into the warehouse, when, and who took it in. */
@Entity
public class StockReceipt extends PanacheEntityBase {

    @Id
    public UUID id;

    public String sku;

    public String warehouse;

    public BigDecimal quantity;

    public Instant receivedAt;

    public String receivedBy;

    public static StockReceipt record(String sku, String warehouse, BigDecimal quantity, Instant at, String by) {
        StockReceipt receipt = new StockReceipt();
        receipt.id = UUID.randomUUID();
        receipt.sku = sku;
        receipt.warehouse = warehouse;
        receipt.quantity = quantity;
        receipt.receivedAt = at;
        receipt.receivedBy = by;
        receipt.persist();
        return receipt;
    }
}
