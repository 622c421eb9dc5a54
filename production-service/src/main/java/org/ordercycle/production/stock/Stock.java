package org.ordercycle.production.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What is on hand of one product and how much of it is promised to accepted orders. Every change goes through a
 * locked row ({@link #lock}): two orders for the last unit never both get it.
 */
@Entity
public class Stock extends PanacheEntityBase {

    @Id
    public String sku;

    public BigDecimal onHand = BigDecimal.ZERO;

    public BigDecimal reserved = BigDecimal.ZERO;

    /** A new product's stock: nothing on hand. */
    public static Stock open(String sku) {
        Stock stock = new Stock();
        stock.sku = sku;
        stock.persist();
        return stock;
    }

    /**
     * Locks the stock rows of these SKUs ({@code SELECT … FOR UPDATE}), in SKU order so that two transactions
     * locking overlapping SKUs never wait for each other crosswise. SKUs without a product have no row and are
     * left out.
     */
    public static Map<String, Stock> lock(Collection<String> skus) {
        Map<String, Stock> locked = new LinkedHashMap<>();
        if (skus.isEmpty()) {
            return locked;
        }
        Stock.<Stock>find("sku in ?1 order by sku", new TreeSet<>(skus))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .forEach(stock -> locked.put(stock.sku, stock));
        return locked;
    }

    /** On hand and not promised to anyone. */
    public BigDecimal available() {
        return onHand.subtract(reserved);
    }

    /** Reserves as much of the quantity as is available and says how much that was. */
    public BigDecimal reserveUpTo(BigDecimal quantity) {
        BigDecimal granted = quantity.min(available()).max(BigDecimal.ZERO);
        reserved = reserved.add(granted);
        return granted;
    }

    public void release(BigDecimal quantity) {
        if (quantity.compareTo(reserved) > 0) {
            throw new IllegalStateException("cannot release " + quantity + " of " + sku + ": only " + reserved + " reserved");
        }
        reserved = reserved.subtract(quantity);
    }

    public void receive(BigDecimal quantity) {
        onHand = onHand.add(quantity);
    }

    /** Reserved goods leave the warehouse. */
    public void ship(BigDecimal quantity) {
        if (quantity.compareTo(reserved) > 0) {
            throw new IllegalStateException("cannot ship " + quantity + " of " + sku + ": only " + reserved + " reserved");
        }
        reserved = reserved.subtract(quantity);
        onHand = onHand.subtract(quantity);
    }
}
