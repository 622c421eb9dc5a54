package org.ordercycle.production.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What is on hand of one product in one warehouse and how much of it is promised to accepted orders. Every change
 * goes through a locked row ({@link #lock}) and one of the transitions below, each of which writes its
 * {@link StockMovement}: the ledger explains every figure, and two orders for the last unit never both get it.
 */
@Entity
@IdClass(Stock.Key.class)
public class Stock extends PanacheEntityBase {

    /** The row order every lock is taken in: SKU, then warehouse. */
    public static final Comparator<Key> LOCK_ORDER = Comparator.comparing(Key::sku).thenComparing(Key::warehouse);

    @Id
    public String sku;

    @Id
    public String warehouse;

    public BigDecimal onHand = BigDecimal.ZERO;

    public BigDecimal reserved = BigDecimal.ZERO;

    /** Where this row's movements go until written; null: each one is inserted when it is recorded. */
    @Transient
    StockMovement.Batch ledger;

    /** The identity of a stock row: a product in a warehouse. */
    public static class Key implements Serializable {
        public String sku;
        public String warehouse;

        protected Key() {
        }

        public Key(String sku, String warehouse) {
            this.sku = sku;
            this.warehouse = warehouse;
        }

        public String sku() {
            return sku;
        }

        public String warehouse() {
            return warehouse;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(sku, key.sku) && Objects.equals(warehouse, key.warehouse);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sku, warehouse);
        }

        @Override
        public String toString() {
            return sku + "@" + warehouse;
        }
    }

    /** A new (product, warehouse): nothing on hand. */
    public static Stock open(String sku, String warehouse) {
        Stock stock = new Stock();
        stock.sku = sku;
        stock.warehouse = warehouse;
        stock.persist();
        return stock;
    }

    /**
     * Locks the stock rows of these SKUs in one warehouse ({@code SELECT … FOR UPDATE}), in SKU order. SKUs without a
     * row there are left out. One statement whatever the number of SKUs (an array, not a list of parameters whose
     * every length is another statement to translate and plan).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Stock> lock(String warehouse, Collection<String> skus) {
        Map<String, Stock> locked = new LinkedHashMap<>();
        if (skus.isEmpty()) {
            return locked;
        }
        ((List<Stock>) getEntityManager().createNativeQuery("""
                        select * from stock where warehouse = ?1 and sku = any(cast(?2 as text[])) order by sku for update""",
                        Stock.class)
                .setParameter(1, warehouse)
                .setParameter(2, new TreeSet<>(skus).toArray(String[]::new))
                .getResultList())
                .forEach(stock -> locked.put(stock.sku, stock));
        return locked;
    }

    /**
     * Locks the stock rows of these (product, warehouse) pairs, in {@link #LOCK_ORDER} so that two transactions
     * locking overlapping rows never wait for each other crosswise. Pairs without a row are left out.
     */
    public static Map<Key, Stock> lock(Collection<Key> keys) {
        Map<Key, Stock> locked = new LinkedHashMap<>();
        for (Key key : keys.stream().distinct().sorted(LOCK_ORDER).toList()) {
            Stock stock = Stock.findById(key, LockModeType.PESSIMISTIC_WRITE);
            if (stock != null) {
                locked.put(key, stock);
            }
        }
        return locked;
    }

    /**
     * The locked row of a product in a warehouse, opened (with nothing on hand) if the product has none there yet.
     * Two transactions opening the same row at once both get it: the insert does nothing when the row exists.
     */
    public static Optional<Stock> lockOrOpen(String sku, String warehouse) {
        getEntityManager().createNativeQuery("""
                        insert into stock (sku, warehouse, on_hand, reserved)
                        select p.sku, w.code, 0, 0 from product p, warehouse w where p.sku = ?1 and w.code = ?2
                        on conflict do nothing""")
                .setParameter(1, sku).setParameter(2, warehouse).executeUpdate();
        return Optional.ofNullable(Stock.findById(new Key(sku, warehouse), LockModeType.PESSIMISTIC_WRITE));
    }

    /** Makes sure the row exists (with nothing on hand if it is new), without locking it; false if no such product. */
    public static boolean ensure(String sku, String warehouse) {
        return getEntityManager().createNativeQuery("""
                        insert into stock (sku, warehouse, on_hand, reserved)
                        select p.sku, w.code, 0, 0 from product p, warehouse w where p.sku = ?1 and w.code = ?2
                        on conflict do nothing""")
                .setParameter(1, sku).setParameter(2, warehouse).executeUpdate() > 0
                || findById(new Key(sku, warehouse)) != null;
    }

    /** Every warehouse's row of a product, unlocked, in warehouse order. */
    public static List<Stock> ofProduct(String sku) {
        return list("sku = ?1 order by warehouse", sku);
    }

    /**
     * From now on (as long as this entity is managed) this row's movements are recorded into the batch, which the
     * caller writes before its transaction ends: many rows' movements in one round trip.
     */
    public Stock recordingInto(StockMovement.Batch batch) {
        ledger = batch;
        return this;
    }

    public Key key() {
        return new Key(sku, warehouse);
    }

    /** On hand and not promised to anyone. */
    public BigDecimal available() {
        return onHand.subtract(reserved);
    }

    /** Reserves as much of the quantity as is available and says how much that was. */
    public BigDecimal reserveUpTo(BigDecimal quantity, Cause cause) {
        BigDecimal granted = quantity.min(available()).max(BigDecimal.ZERO);
        if (granted.signum() > 0) {
            reserved = reserved.add(granted);
            StockMovement.record(this, MovementKind.RESERVATION, BigDecimal.ZERO, granted, cause);
        }
        return granted;
    }

    public void release(BigDecimal quantity, Cause cause) {
        if (quantity.compareTo(reserved) > 0) {
            throw new IllegalStateException("cannot release " + quantity + " of " + sku + " in " + warehouse
                    + ": only " + reserved + " reserved");
        }
        if (quantity.signum() > 0) {
            reserved = reserved.subtract(quantity);
            StockMovement.record(this, MovementKind.RELEASE, BigDecimal.ZERO, quantity.negate(), cause);
        }
    }

    /** Goods came in: a receipt, a resellable return, a transfer from another warehouse. */
    public void receive(BigDecimal quantity, MovementKind kind, Cause cause) {
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a receipt needs a positive quantity, not " + quantity);
        }
        onHand = onHand.add(quantity);
        StockMovement.record(this, kind, quantity, BigDecimal.ZERO, cause);
    }

    /** Reserved goods leave the warehouse. */
    public void ship(BigDecimal quantity, Cause cause) {
        if (quantity.compareTo(reserved) > 0) {
            throw new IllegalStateException("cannot ship " + quantity + " of " + sku + ": only " + reserved + " reserved");
        }
        reserved = reserved.subtract(quantity);
        onHand = onHand.subtract(quantity);
        StockMovement.record(this, MovementKind.ISSUE, quantity.negate(), quantity.negate(), cause);
    }

    /**
     * Unreserved goods go: written off as scrap or moved to another warehouse. Never more than is available (take
     * the reservation away first).
     */
    public void remove(BigDecimal quantity, MovementKind kind, Cause cause) {
        if (quantity.signum() <= 0 || quantity.compareTo(available()) > 0) {
            throw new IllegalStateException("cannot remove " + quantity + " of " + sku + " in " + warehouse
                    + ": " + available() + " available");
        }
        onHand = onHand.subtract(quantity);
        StockMovement.record(this, kind, quantity.negate(), BigDecimal.ZERO, cause);
    }

    /**
     * Materials are used up by production: what was reserved for it, and as much more (unreserved) as it needs.
     */
    public void consume(BigDecimal fromReserved, BigDecimal more, Cause cause) {
        if (fromReserved.compareTo(reserved) > 0 || more.compareTo(available()) > 0) {
            throw new IllegalStateException("cannot consume " + fromReserved + " reserved and " + more + " more of "
                    + sku + " in " + warehouse + ": " + reserved + " reserved, " + available() + " available");
        }
        BigDecimal used = fromReserved.add(more);
        if (used.signum() > 0) {
            reserved = reserved.subtract(fromReserved);
            onHand = onHand.subtract(used);
            StockMovement.record(this, MovementKind.PRODUCTION_ISSUE, used.negate(), fromReserved.negate(), cause);
        }
    }

    /**
     * Corrects what is on hand by a difference (a count found more or fewer). Never below nothing, and never below
     * what is reserved: the caller takes reservations away first when goods are missing.
     */
    public void adjust(BigDecimal difference, Cause cause) {
        BigDecimal after = onHand.add(difference);
        if (after.compareTo(reserved) < 0) {
            throw new IllegalStateException("cannot adjust " + sku + " in " + warehouse + " by " + difference
                    + ": " + reserved + " reserved");
        }
        if (difference.signum() != 0) {
            onHand = after;
            StockMovement.record(this, MovementKind.ADJUSTMENT, difference, BigDecimal.ZERO, cause);
        }
    }
}
