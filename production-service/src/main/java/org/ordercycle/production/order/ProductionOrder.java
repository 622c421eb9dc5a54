package org.ordercycle.production.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OrderBy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.ordercycle.events.Event;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.production.OrderBackordered;
import org.ordercycle.events.production.ReservationLine;
import org.ordercycle.events.production.StockReserved;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderAmended;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.EventContext;
import org.ordercycle.production.stock.Cause;
import org.ordercycle.production.stock.Stock;

/** An order production has to fulfil, under the id sales gave it: what is reserved, missing and shipped per line. */
@Entity
public class ProductionOrder extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID customerId;

    public LocalDate requestedDate;

    public String salesperson;

    @Enumerated(EnumType.STRING)
    public Classification classification;

    @Enumerated(EnumType.STRING)
    public ProductionOrderStatus status;

    public Instant receivedAt;

    public LocalDate promisedDate;

    public Integer priority;

    public Instant acceptedAt;

    public Instant cancelledAt;

    /**
     * The trace (W3C traceparent) of the sales event that made production learn of the order: its shipments, each
     * started by its own REST call, continue it, so one trace follows the order from {@code POST /orders} to its
     * invoice. Null for orders received before it was kept.
     */
    public String traceparent;

    /** The day the order is planned to be ready to ship; compared with the promised date to find late orders. */
    public LocalDate plannedCompletion;

    @ElementCollection
    @CollectionTable(name = "production_order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("lineNo")
    public List<Line> lines = new ArrayList<>();

    /** One line of the order; prices stay with sales and billing. */
    @Embeddable
    public static class Line {
        public int lineNo;
        public String sku;
        public BigDecimal quantity;
        /** Reserved from stock and not yet shipped. */
        public BigDecimal reserved = BigDecimal.ZERO;
        /** Accepted but not in stock: waits for a receipt. */
        public BigDecimal backordered = BigDecimal.ZERO;
        public BigDecimal shipped = BigDecimal.ZERO;
        /** Made to order: waits for its production order, not for stock. */
        public BigDecimal inProduction = BigDecimal.ZERO;
        /** Where the line is reserved and ships from. */
        public String warehouse;

        static Line of(OrderLine ordered, String warehouse) {
            Line line = new Line();
            line.lineNo = ordered.lineNo();
            line.sku = ordered.sku();
            line.quantity = ordered.quantity();
            line.warehouse = warehouse;
            return line;
        }

        public Stock.Key stockKey() {
            return new Stock.Key(sku, warehouse);
        }

        void reserveFrom(Stock stock, BigDecimal quantity, Cause cause) {
            BigDecimal granted = stock == null ? BigDecimal.ZERO : stock.reserveUpTo(quantity, cause.line(lineNo));
            reserved = reserved.add(granted);
            backordered = backordered.add(quantity).subtract(granted);
        }

        /** The quantity changed: reserve or release so that reserved + backordered = what is still to ship. */
        void resize(Stock stock, Cause cause) {
            BigDecimal open = quantity.subtract(shipped).max(BigDecimal.ZERO);
            BigDecimal held = reserved.add(backordered);
            if (open.compareTo(held) > 0) {
                reserveFrom(stock, open.subtract(held), cause);
                return;
            }
            BigDecimal excess = held.subtract(open);
            BigDecimal dropped = excess.min(backordered);
            backordered = backordered.subtract(dropped);
            BigDecimal release = excess.subtract(dropped);
            if (release.signum() > 0) {
                stock.release(release, cause.line(lineNo));
                reserved = reserved.subtract(release);
            }
        }

        /** Gives (part of) the reservation back to the stock and waits for the goods again. */
        BigDecimal unreserve(Stock stock, BigDecimal upTo, Cause cause) {
            BigDecimal taken = upTo.min(reserved);
            if (taken.signum() > 0) {
                stock.release(taken, cause.line(lineNo));
                reserved = reserved.subtract(taken);
                backordered = backordered.add(taken);
            }
            return taken;
        }
    }

    static ProductionOrder receive(OrderPlaced placed, String warehouse, Instant receivedAt) {
        ProductionOrder order = new ProductionOrder();
        order.id = placed.orderId();
        order.customerId = placed.customerId();
        order.requestedDate = placed.requestedDate();
        order.salesperson = placed.salesperson();
        order.classification = placed.classification();
        order.status = ProductionOrderStatus.RECEIVED;
        order.receivedAt = receivedAt;
        order.traceparent = handledTrace();
        placed.lines().forEach(line -> order.lines.add(Line.of(line, warehouse)));
        order.persist();
        return order;
    }

    /** An acceptance whose placement production never stored: the acceptance says all production needs. */
    static ProductionOrder receiveAccepted(OrderAccepted accepted, Instant receivedAt) {
        ProductionOrder order = new ProductionOrder();
        order.id = accepted.orderId();
        order.customerId = accepted.customerId();
        order.status = ProductionOrderStatus.RECEIVED;
        order.receivedAt = receivedAt;
        order.traceparent = handledTrace();
        order.persist();
        return order;
    }

    /** The trace of the sales event being handled (the kit's {@link EventContext}), if any. */
    private static String handledTrace() {
        return EventContext.current().map(EventContext::traceparent).orElse(null);
    }

    /** The order, its row locked for this transaction (lock the stock rows first: stock, then orders). */
    public static Optional<ProductionOrder> lock(UUID id) {
        return Optional.ofNullable(ProductionOrder.findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * The order, its row locked, after the caller locked the stock rows {@link #stockKeysOf} named. Those were read
     * before the order's lock, which waits for a reservation in flight: rows such a reservation added are locked here,
     * after the order and so out of the usual order (a deadlock this may meet is PostgreSQL's to break, and a conflict
     * to retry), and put into {@code stocks}.
     */
    public static Optional<ProductionOrder> lock(UUID id, Map<Stock.Key, Stock> stocks) {
        Optional<ProductionOrder> order = lock(id);
        order.ifPresent(locked -> {
            List<Stock.Key> missing = locked.lines.stream().filter(line -> line.warehouse != null)
                    .map(Line::stockKey).filter(key -> !stocks.containsKey(key)).toList();
            if (!missing.isEmpty()) {
                stocks.putAll(Stock.lock(missing));
            }
        });
        return order;
    }

    /** These orders, their rows locked in id order (lock the stock rows first); unknown ids are left out. */
    @SuppressWarnings("unchecked")
    static Map<UUID, ProductionOrder> lockAll(Collection<UUID> ids) {
        Map<UUID, ProductionOrder> locked = new HashMap<>();
        if (ids.isEmpty()) {
            return locked;
        }
        ((List<ProductionOrder>) getEntityManager().createNativeQuery("""
                        select * from production_order where id = any(cast(?1 as uuid[])) order by id for update""",
                        ProductionOrder.class)
                .setParameter(1, new TreeSet<>(ids).stream().map(UUID::toString).toArray(String[]::new))
                .getResultList())
                .forEach(order -> locked.put(order.id, order));
        return locked;
    }

    /** The stock rows an order's lines are reserved at, read without loading (or locking) the order. */
    public static List<Stock.Key> stockKeysOf(UUID id) {
        return getEntityManager().createQuery("""
                        select distinct l.sku, l.warehouse from ProductionOrder o join o.lines l
                        where o.id = :id and l.warehouse is not null""", Object[].class)
                .setParameter("id", id).getResultStream()
                .map(row -> new Stock.Key((String) row[0], (String) row[1])).toList();
    }

    /**
     * Sales accepted the order with these agreed lines: reserve what the locked stock has, backorder the rest.
     */
    void accept(OrderAccepted accepted, String warehouse, Instant at, Map<String, Stock> stocks,
            Set<String> madeToOrder) {
        if (status != ProductionOrderStatus.RECEIVED) {
            throw new IllegalStateException("order " + id + " is " + status + " and cannot be accepted again");
        }
        promisedDate = accepted.promisedDate();
        priority = accepted.priority();
        acceptedAt = at;
        lines.clear();
        Cause cause = Cause.forOrder(at, null, id, "order accepted");
        for (OrderLine agreed : accepted.lines()) {
            Line line = Line.of(agreed, warehouse);
            if (madeToOrder.contains(line.sku)) {
                line.inProduction = agreed.quantity();
            } else {
                line.reserveFrom(stocks.get(line.sku), agreed.quantity(), cause);
            }
            lines.add(line);
        }
        settle();
    }

    /**
     * Sales amended the accepted order: these agreed lines replace the old ones. Per make-to-stock line what is still
     * to ship (new quantity − shipped) is reserved from the (locked) stock as far as it is there, the rest
     * backordered; what is no longer needed is released (backorders dropped first). A line left out keeps what
     * shipped and needs nothing more. Make-to-order lines keep their production orders. Answers the lines it could not
     * change (make-to-order lines whose quantity changed).
     */
    List<Integer> amend(OrderAmended amended, String warehouse, Instant at, Map<Stock.Key, Stock> stocks) {
        Cause cause = Cause.forOrder(at, amended.by(), id, "order amended");
        promisedDate = amended.promisedDate();
        List<Integer> kept = new ArrayList<>();
        Map<Integer, OrderLine> agreed = new TreeMap<>();
        amended.lines().forEach(line -> agreed.put(line.lineNo(), line));
        for (Line line : lines) {
            OrderLine now = agreed.remove(line.lineNo);
            BigDecimal quantity = now == null ? line.shipped : now.quantity();
            if (line.inProduction.signum() > 0) {
                if (quantity.compareTo(line.quantity) != 0) {
                    kept.add(line.lineNo);
                }
                continue;
            }
            line.quantity = quantity.max(line.shipped);
            line.resize(stocks.get(line.stockKey()), cause);
        }
        agreed.values().forEach(added -> {
            Line line = Line.of(added, warehouse);
            line.reserveFrom(stocks.get(line.stockKey()), added.quantity(), cause);
            lines.add(line);
        });
        settle();
        return kept;
    }

    /** Stock came in (the row is locked): reserve what this order still misses of the SKU in that warehouse. */
    void fill(Stock stock, Instant at) {
        Cause cause = Cause.forOrder(at, null, id, "backorder filled");
        for (Line line : lines) {
            if (line.stockKey().equals(stock.key()) && line.backordered.signum() > 0) {
                BigDecimal missing = line.backordered;
                line.backordered = BigDecimal.ZERO;
                line.reserveFrom(stock, missing, cause);
            }
        }
        settle();
    }

    /**
     * Goods reserved for this order at the (locked) stock are missing: give back up to this much of the reservation
     * and wait for the goods again. Says how much was given back.
     */
    BigDecimal giveBack(Stock stock, BigDecimal upTo, Cause cause) {
        BigDecimal given = BigDecimal.ZERO;
        for (Line line : lines) {
            if (line.stockKey().equals(stock.key()) && given.compareTo(upTo) < 0) {
                given = given.add(line.unreserve(stock, upTo.subtract(given), cause.forOrder(id)));
            }
        }
        settle();
        return given;
    }

    /** Sales cancelled the order: give its reservations back to the (locked) stock and stop waiting for goods. */
    void cancel(Instant at, String by, Map<Stock.Key, Stock> stocks) {
        Cause cause = Cause.forOrder(at, by, id, "order cancelled");
        for (Line line : lines) {
            if (line.reserved.signum() > 0) {
                stocks.get(line.stockKey()).release(line.reserved, cause.line(line.lineNo));
            }
            line.reserved = BigDecimal.ZERO;
            line.backordered = BigDecimal.ZERO;
            line.inProduction = BigDecimal.ZERO;
        }
        cancelledAt = at;
        status = ProductionOrderStatus.CANCELLED;
    }

    /** Plans the day the order will be ready to ship; says the day planned before (null when none was). */
    public LocalDate plan(LocalDate completion) {
        LocalDate previous = plannedCompletion;
        plannedCompletion = completion;
        return previous;
    }

    /** Everything it still needs is reserved. */
    public boolean complete() {
        return lines.stream().allMatch(line -> line.backordered.signum() == 0 && line.inProduction.signum() == 0);
    }

    /**
     * Production made the goods of a make-to-order line and they came into the (locked) stock: reserve them for
     * the line.
     */
    public void madeFor(int lineNo, Stock stock, BigDecimal quantity, Cause cause) {
        Line line = line(lineNo).orElseThrow();
        BigDecimal made = quantity.min(line.inProduction);
        line.inProduction = line.inProduction.subtract(made);
        line.reserveFrom(stock, made, cause.forOrder(id));
        settle();
    }

    public boolean cancelled() {
        return status == ProductionOrderStatus.CANCELLED;
    }

    public Optional<Line> line(int lineNo) {
        return lines.stream().filter(line -> line.lineNo == lineNo).findFirst();
    }

    /** Reserved goods of a line left the warehouse (the caller checked the quantity and ships the stock). */
    public void shipped(int lineNo, BigDecimal quantity) {
        Line line = line(lineNo).orElseThrow();
        if (quantity.compareTo(line.reserved) > 0) {
            throw new IllegalStateException("line " + lineNo + " of order " + id + " has only " + line.reserved + " reserved");
        }
        line.reserved = line.reserved.subtract(quantity);
        line.shipped = line.shipped.add(quantity);
        settle();
    }

    /** The reservation as it stands now, as one snapshot event: StockReserved when nothing is missing any more. */
    public Event reservation(Instant at) {
        List<ReservationLine> snapshot = lines.stream()
                .map(line -> new ReservationLine(line.lineNo, line.sku, line.reserved,
                        line.backordered.add(line.inProduction)))
                .toList();
        boolean complete = complete();
        return complete
                ? new StockReserved(UUID.randomUUID(), at, id, snapshot)
                : new OrderBackordered(UUID.randomUUID(), at, id, snapshot);
    }

    private void settle() {
        if (status == ProductionOrderStatus.CANCELLED || acceptedAt == null) {
            return;
        }
        if (lines.stream().allMatch(line -> line.shipped.compareTo(line.quantity) >= 0)) {
            status = ProductionOrderStatus.SHIPPED;
        } else if (lines.stream().anyMatch(line -> line.shipped.signum() > 0)) {
            status = ProductionOrderStatus.PARTIALLY_SHIPPED;
        } else if (lines.stream().anyMatch(line -> line.backordered.signum() > 0)) {
            status = ProductionOrderStatus.BACKORDERED;
        } else if (lines.stream().anyMatch(line -> line.inProduction.signum() > 0)) {
            status = ProductionOrderStatus.IN_PRODUCTION;
        } else {
            status = ProductionOrderStatus.RESERVED;
        }
    }
}
