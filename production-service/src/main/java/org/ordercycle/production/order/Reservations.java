package org.ordercycle.production.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderAmended;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.EventContext;
import org.ordercycle.kit.inbox.Received;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.kit.outbox.Publication;
import org.ordercycle.production.product.BillOfMaterialLine;
import org.ordercycle.production.product.Product;
import org.ordercycle.production.schedule.Scheduler;
import org.ordercycle.production.schedule.WorkOrder;
import org.ordercycle.production.stock.Availability;
import org.ordercycle.production.stock.Cause;
import org.ordercycle.production.stock.Stock;
import org.ordercycle.production.stock.StockMovement;
import org.ordercycle.production.stock.Warehouses;

/**
 * Reserves stock for accepted orders, backorders what is missing, fills backorders when goods come in and releases
 * what a cancelled order held.
 *
 * <p>Locks are always taken in one order: the stock rows first, in SKU order, then the order rows, in id order.
 * So two orders for the last unit (or a receipt racing an acceptance) are serialised on the stock row and exactly
 * one of them gets it.
 */
@ApplicationScoped
@Transactional
public class Reservations {

    private static final Logger LOG = Logger.getLogger(Reservations.class);

    /** Backorders are filled oldest promised date first (undated last), then in the order they were accepted. */
    private static final Comparator<ProductionOrder> FILL_ORDER = Comparator
            .comparing((ProductionOrder order) -> order.promisedDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(order -> order.acceptedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(order -> order.id);

    /** Reservations are given back for missing goods latest promised date first: the most urgent keep theirs. */
    private static final Comparator<ProductionOrder> GIVE_BACK_ORDER = FILL_ORDER.reversed();

    private final Outbox outbox;
    private final Availability availability;
    private final Warehouses warehouses;
    private final Scheduler scheduler;
    private final Clock clock;

    Reservations(Outbox outbox, Availability availability, Warehouses warehouses, Scheduler scheduler, Clock clock) {
        this.outbox = outbox;
        this.availability = availability;
        this.warehouses = warehouses;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public void placed(OrderPlaced placed) {
        if (ProductionOrder.findById(placed.orderId()) != null) {
            // Its acceptance came first (or it is a replay): the acceptance already made the order.
            return;
        }
        ProductionOrder.receive(placed, warehouses.defaultWarehouse(), clock.instant());
        written();
    }

    /**
     * Sales accepted the order: make-to-stock lines are reserved from the default warehouse (or backordered);
     * make-to-order lines get a production order on their work center, with its materials reserved, and are
     * scheduled by priority and promised date.
     */
    public void accept(OrderAccepted accepted) {
        String warehouse = warehouses.defaultWarehouse();
        TreeSet<String> skus = new TreeSet<>(accepted.lines().stream().map(OrderLine::sku).toList());
        Map<String, Product> madeToOrder = new TreeMap<>();
        Product.<Product>list("sku in ?1", skus).stream().filter(Product::madeToOrder)
                .forEach(product -> madeToOrder.put(product.sku, product));
        Map<String, List<BillOfMaterialLine>> bills = new TreeMap<>();
        TreeSet<String> toLock = new TreeSet<>(skus);
        toLock.removeAll(madeToOrder.keySet());
        for (String sku : madeToOrder.keySet()) {
            List<BillOfMaterialLine> bill = BillOfMaterialLine.of(sku);
            bills.put(sku, bill);
            bill.forEach(component -> toLock.add(component.componentSku));
        }
        Map<String, Stock> stocks = Stock.lock(warehouse, toLock);
        ProductionOrder order = ProductionOrder.lock(accepted.orderId())
                .orElseGet(() -> ProductionOrder.receiveAccepted(accepted, clock.instant()));
        if (order.status != ProductionOrderStatus.RECEIVED) {
            LOG.warnf("Order %s is %s already; acceptance %s ignored", order.id, order.status, accepted.eventId());
            return;
        }
        Instant now = clock.instant();
        order.accept(accepted, warehouse, now, stocks, madeToOrder.keySet());
        Set<String> workCenters = new TreeSet<>();
        Cause cause = Cause.forOrder(now, null, order.id, "order accepted");
        for (ProductionOrder.Line line : order.lines) {
            Product product = madeToOrder.get(line.sku);
            if (product == null || line.inProduction.signum() <= 0) {
                continue;
            }
            Map<String, BigDecimal> materials = new TreeMap<>();
            bills.get(line.sku).forEach(component -> materials.merge(component.componentSku,
                    component.quantity.multiply(line.inProduction), BigDecimal::add));
            WorkOrder.plan(order.id, line.lineNo, line.sku, line.inProduction, product.workCenter,
                    product.hoursPerUnit.multiply(line.inProduction), order.priority, order.promisedDate, now,
                    materials, warehouse, stocks, cause);
            workCenters.add(product.workCenter);
        }
        outbox.publish(order.reservation(now));
        if (workCenters.isEmpty()) {
            scheduler.settleMadeToStock(order); // no production orders: no query for them
        } else {
            scheduler.replan(workCenters, order, "order " + order.id + " (priority " + order.priority + ") accepted");
        }
        stocks.keySet().forEach(sku -> availability.changed(sku, null));
        written();
    }

    /**
     * A run of acceptances from one poll, in their order, with the same outcome as {@link #accept} one after the
     * other, in a few statements for the whole run: the run's stock rows locked in one query (SKU order), its known
     * orders in one (id order), the ledger entries in one batch, the reservation snapshots written together, and
     * the availability of each touched product published once, with the figures after the whole run. A run with a
     * make-to-order line is accepted one order at a time (scheduling locks work centers and plans per order).
     */
    public void acceptAll(List<Received<OrderAccepted>> run) {
        String warehouse = warehouses.defaultWarehouse();
        TreeSet<String> skus = new TreeSet<>();
        run.forEach(received -> received.event().lines().forEach(line -> skus.add(line.sku())));
        Map<String, Product> products = new TreeMap<>();
        Product.readAll(skus).forEach(product -> products.put(product.sku, product));
        if (products.values().stream().anyMatch(Product::madeToOrder)) {
            run.forEach(received -> EventContext.callWithin(received.context(), () -> {
                accept(received.event());
                return null;
            }));
            return;
        }
        StockMovement.Batch ledger = new StockMovement.Batch();
        Map<String, Stock> stocks = Stock.lock(warehouse, skus);
        stocks.values().forEach(stock -> stock.recordingInto(ledger));
        Map<UUID, ProductionOrder> orders = ProductionOrder.lockAll(
                run.stream().map(received -> received.event().orderId()).toList());
        Instant now = clock.instant();
        List<Publication> snapshots = new ArrayList<>();
        Map<String, EventContext> touched = new TreeMap<>();
        for (Received<OrderAccepted> received : run) {
            OrderAccepted accepted = received.event();
            ProductionOrder order = orders.computeIfAbsent(accepted.orderId(), id -> EventContext.callWithin(
                    received.context(), () -> ProductionOrder.receiveAccepted(accepted, now))); // keeps its trace
            if (order.status != ProductionOrderStatus.RECEIVED) {
                LOG.warnf("Order %s is %s already; acceptance %s ignored", order.id, order.status, accepted.eventId());
                continue;
            }
            order.accept(accepted, warehouse, now, stocks, Set.of());
            scheduler.settleMadeToStock(order);
            snapshots.add(received.causes(order.reservation(now)));
            accepted.lines().stream().map(OrderLine::sku).filter(stocks::containsKey)
                    .forEach(sku -> touched.put(sku, received.context()));
        }
        ledger.write();
        List<Publication> events = new ArrayList<>(snapshots);
        events.addAll(availability.changesOf(touched, products, null));
        outbox.publishAll(events);
        written();
    }

    /** Sales amended an accepted order: reservations follow the new agreed lines (see ProductionOrder#amend). */
    public void amend(OrderAmended amended) {
        String warehouse = warehouses.defaultWarehouse();
        List<Stock.Key> keys = new ArrayList<>(ProductionOrder.stockKeysOf(amended.orderId()));
        amended.lines().forEach(line -> keys.add(new Stock.Key(line.sku(), warehouse)));
        Map<Stock.Key, Stock> stocks = Stock.lock(keys);
        ProductionOrder order = ProductionOrder.lock(amended.orderId(), stocks).orElse(null);
        if (order == null || order.acceptedAt == null || order.cancelled()
                || order.status == ProductionOrderStatus.SHIPPED) {
            LOG.warnf("Amendment %s of order %s ignored: the order is %s", amended.eventId(), amended.orderId(),
                    order == null ? "unknown" : order.status);
            return;
        }
        Instant now = clock.instant();
        List<Integer> kept = order.amend(amended, warehouse, now, stocks);
        if (!kept.isEmpty()) {
            LOG.warnf("Amendment %s of order %s: make-to-order lines %s keep their production orders' quantity",
                    amended.eventId(), order.id, kept);
        }
        outbox.publish(order.reservation(now));
        scheduler.settle(order, "order amended");
        new TreeSet<>(keys.stream().map(Stock.Key::sku).toList()).forEach(sku -> availability.changed(sku, amended.by()));
        written();
    }

    public void cancel(OrderCancelled cancelled) {
        List<Stock.Key> keys = new ArrayList<>(ProductionOrder.stockKeysOf(cancelled.orderId()));
        keys.addAll(WorkOrder.materialKeysOf(cancelled.orderId()));
        Map<Stock.Key, Stock> stocks = Stock.lock(keys);
        ProductionOrder order = ProductionOrder.lock(cancelled.orderId(), stocks).orElse(null);
        if (order == null || order.cancelled()) {
            // Never accepted by production, or cancelled twice: nothing is held for it.
            return;
        }
        TreeSet<String> released = new TreeSet<>();
        order.lines.stream().filter(line -> line.reserved.signum() > 0).forEach(line -> released.add(line.sku));
        Cause cause = Cause.forOrder(clock.instant(), cancelled.by(), order.id, "order cancelled");
        order.cancel(clock.instant(), cancelled.by(), stocks);
        released.addAll(scheduler.cancelWork(order, stocks, cause));
        released.forEach(sku -> availability.changed(sku, cancelled.by()));
        written();
    }

    /**
     * Goods of the stock's SKU came in (the caller holds the stock row): reserve them for the backorders, oldest
     * promised date first, and publish each touched order's reservation. The caller publishes the availability.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fillBackorders(Stock stock) {
        if (stock.available().signum() <= 0) {
            return;
        }
        List<ProductionOrder> orders = lockOrdersAt(stock, "l.backordered > 0");
        for (ProductionOrder order : orders.stream().sorted(FILL_ORDER).toList()) {
            if (stock.available().signum() <= 0) {
                return;
            }
            if (order.cancelled()) {
                continue;
            }
            order.fill(stock, clock.instant());
            scheduler.settle(order, "goods came in");
            outbox.publish(order.reservation(clock.instant()));
        }
    }

    /**
     * Goods are missing at the stock (the caller holds its row): take back reservations until no more than this
     * would be reserved — latest promised date first — and publish each touched order's reservation (now
     * backordered). The caller publishes the availability.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shortage(Stock stock, BigDecimal reservableAfter, Cause cause) {
        BigDecimal excess = stock.reserved.subtract(reservableAfter.max(BigDecimal.ZERO));
        if (excess.signum() <= 0) {
            return;
        }
        for (ProductionOrder order : lockOrdersAt(stock, "l.reserved > 0").stream().sorted(GIVE_BACK_ORDER).toList()) {
            if (excess.signum() <= 0) {
                return;
            }
            if (order.cancelled()) {
                continue;
            }
            excess = excess.subtract(order.giveBack(stock, excess, cause));
            scheduler.settle(order, "goods found missing");
            outbox.publish(order.reservation(clock.instant()));
        }
    }

    /**
     * Writes this event's changes and forgets its entities. The kit applies a whole poll (up to 500 events) in one
     * transaction; without this every query of a later event auto-flushes, dirty-checking every entity of the earlier
     * ones, and a poll grows quadratic in its size.
     */
    private static void written() {
        ProductionOrder.getEntityManager().flush();
        ProductionOrder.getEntityManager().clear();
    }

    /** The orders with a line at the stock that matches the condition, locked in id order. */
    private static List<ProductionOrder> lockOrdersAt(Stock stock, String lineCondition) {
        List<UUID> ids = ProductionOrder.getEntityManager().createQuery("""
                        select distinct o.id from ProductionOrder o join o.lines l
                        where l.sku = :sku and l.warehouse = :warehouse and o.status <> :cancelled and\s"""
                        + lineCondition, UUID.class)
                .setParameter("sku", stock.sku)
                .setParameter("warehouse", stock.warehouse)
                .setParameter("cancelled", ProductionOrderStatus.CANCELLED)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return ProductionOrder.<ProductionOrder>find("id in ?1 order by id", ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** What accepted orders still miss of the SKU. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BigDecimal backordered(String sku) {
        BigDecimal missing = ProductionOrder.getEntityManager().createQuery("""
                        select sum(l.backordered) from ProductionOrder o join o.lines l
                        where l.sku = :sku""", BigDecimal.class)
                .setParameter("sku", sku)
                .getSingleResult();
        return missing == null ? BigDecimal.ZERO : missing;
    }
}
