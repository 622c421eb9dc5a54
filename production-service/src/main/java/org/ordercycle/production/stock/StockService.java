package org.ordercycle.production.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.ordercycle.events.returns.ItemCondition;
import org.ordercycle.events.returns.ReceivedLine;
import org.ordercycle.events.returns.ReturnReceived;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.production.order.Reservations;
import org.ordercycle.production.product.Product;

/**
 * Goods coming into, moving within and going out of the warehouses other than with a shipment — receipts, resellable
 * returns, adjustments, transfers — and what they fill; and the ledger that explains every figure.
 */
@ApplicationScoped
@Transactional
public class StockService {

    private static final Logger LOG = Logger.getLogger(StockService.class);

    /** The workshop takes in what inspection found repairable; its queue lives in the repair capability. */
    public interface Workshop {
        void intake(ReturnReceived returned, ReceivedLine line, Cause cause);
    }

    private final Reservations reservations;
    private final Availability availability;
    private final Warehouses warehouses;
    private final Workshop workshop;
    private final Clock clock;

    StockService(Reservations reservations, Availability availability, Warehouses warehouses, Workshop workshop,
            Clock clock) {
        this.reservations = reservations;
        this.availability = availability;
        this.warehouses = warehouses;
        this.workshop = workshop;
        this.clock = clock;
    }

    public ReceiptView receive(ReceiptRequest request, String by) {
        String warehouse = warehouses.resolve(request.warehouse());
        Stock stock = lockOrOpen(request.sku(), warehouse);
        StockReceipt receipt = StockReceipt.record(request.sku(), warehouse, request.quantity(), clock.instant(), by);
        stock.receive(request.quantity(), MovementKind.RECEIPT,
                Cause.of(receipt.receivedAt, by, "receipt " + receipt.id, null));
        reservations.fillBackorders(stock);
        availability.changed(stock.sku, by);
        return new ReceiptView(receipt.id, receipt.sku, receipt.warehouse, receipt.quantity, receipt.receivedAt,
                receipt.receivedBy, view(stock.sku));
    }

    /**
     * Corrects what is on hand. Goods found missing that were reserved are taken from the orders that held them,
     * latest promised date first (they are backordered again); fewer than nothing is a 409.
     */
    public StockView adjust(AdjustmentRequest request, String by) {
        String warehouse = warehouses.resolve(request.warehouse());
        Stock stock = lockOrOpen(request.sku(), warehouse);
        BigDecimal after = stock.onHand.add(request.difference());
        if (after.signum() < 0) {
            throw ProblemException.conflict("Less than nothing",
                    "cannot adjust " + request.sku() + " in " + warehouse + " by " + request.difference().toPlainString()
                            + ": only " + stock.onHand.toPlainString() + " on hand");
        }
        if (request.difference().signum() == 0) {
            throw ProblemException.badRequest("difference", "must not be zero");
        }
        Cause cause = Cause.of(clock.instant(), by, null, request.reason());
        correct(stock, request.difference(), cause);
        return view(stock.sku);
    }

    /**
     * Applies a difference to the locked stock as an adjustment, taking reservations back first when goods are
     * missing that were promised, and filling backorders when goods were found. The caller checked it never goes below
     * nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void correct(Stock stock, BigDecimal difference, Cause cause) {
        BigDecimal after = stock.onHand.add(difference);
        reservations.shortage(stock, after, cause);
        stock.adjust(difference, cause);
        reservations.fillBackorders(stock);
        availability.changed(stock.sku, cause.by());
    }

    /** Moves unreserved goods between warehouses; the receiving warehouse's backorders are filled. */
    public StockView transfer(TransferRequest request, String by) {
        String from = warehouses.resolve(request.from());
        String to = warehouses.resolve(request.to());
        if (from.equals(to)) {
            throw ProblemException.badRequest("to", "must be another warehouse than from");
        }
        requireProduct(request.sku());
        Stock.lockOrOpen(request.sku(), from); // both rows exist before they are locked in lock order
        Stock.lockOrOpen(request.sku(), to);
        Map<Stock.Key, Stock> locked = Stock.lock(List.of(new Stock.Key(request.sku(), from),
                new Stock.Key(request.sku(), to)));
        Stock source = locked.get(new Stock.Key(request.sku(), from));
        Stock target = locked.get(new Stock.Key(request.sku(), to));
        if (request.quantity().compareTo(source.available()) > 0) {
            throw ProblemException.conflict("Not available",
                    "cannot move " + request.quantity().toPlainString() + " of " + request.sku() + " from " + from
                            + ": " + source.available().toPlainString() + " available (the rest is reserved)");
        }
        Cause cause = Cause.of(clock.instant(), by, "transfer " + UUID.randomUUID(), from + " → " + to);
        source.remove(request.quantity(), MovementKind.TRANSFER_OUT, cause);
        target.receive(request.quantity(), MovementKind.TRANSFER_IN, cause);
        reservations.fillBackorders(target);
        availability.changed(request.sku(), by);
        return view(request.sku());
    }

    /**
     * Returned goods as inspection found them: resellable back on the shelf of the default warehouse (filling
     * backorders like a receipt), repairable onto the repair shelf and into the workshop's queue, scrap written off
     * (taken in and scrapped, so the ledger shows both).
     */
    public void restock(ReturnReceived returned) {
        Cause intake = new Cause(clock.instant(), returned.by(), returned.orderId(), null,
                "return " + returned.returnId(), "repairable: into the repair queue");
        returned.lines().stream()
                .filter(line -> line.condition() == ItemCondition.REPAIRABLE && line.quantity().signum() > 0)
                .filter(line -> Product.findById(line.sku()) != null)
                .sorted(java.util.Comparator.comparing(ReceivedLine::sku))
                .forEach(line -> workshop.intake(returned, line, intake.line(line.lineNo())));
        Map<String, BigDecimal> resellable = new TreeMap<>();
        Map<String, BigDecimal> scrap = new TreeMap<>();
        for (ReceivedLine line : returned.lines()) {
            if (line.quantity().signum() <= 0) {
                continue;
            }
            if (line.condition() == ItemCondition.RESELLABLE) {
                resellable.merge(line.sku(), line.quantity(), BigDecimal::add);
            } else if (line.condition() == ItemCondition.SCRAP) {
                scrap.merge(line.sku(), line.quantity(), BigDecimal::add);
            }
        }
        TreeMap<String, Boolean> skus = new TreeMap<>();
        resellable.keySet().forEach(sku -> skus.put(sku, true));
        scrap.keySet().forEach(sku -> skus.put(sku, true));
        String warehouse = warehouses.defaultWarehouse();
        Cause cause = new Cause(clock.instant(), returned.by(), returned.orderId(), null,
                "return " + returned.returnId(), "returned goods inspected");
        for (String sku : skus.keySet()) {
            Optional<Stock> locked = Stock.lockOrOpen(sku, warehouse);
            if (locked.isEmpty()) {
                // Goods production never had as a product: nothing to put them on. Someone has to look at them.
                LOG.warnf("Return %s of order %s brought back %s of unknown product %s; not restocked",
                        returned.returnId(), returned.orderId(), resellable.getOrDefault(sku, scrap.get(sku)), sku);
                continue;
            }
            Stock stock = locked.get();
            BigDecimal written = scrap.get(sku);
            if (written != null) {
                stock.receive(written, MovementKind.RETURN_TO_STOCK, cause);
                stock.remove(written, MovementKind.SCRAP, cause);
            }
            BigDecimal back = resellable.get(sku);
            if (back != null) {
                stock.receive(back, MovementKind.RETURN_TO_STOCK, cause);
                reservations.fillBackorders(stock);
            }
            availability.changed(sku, returned.by());
        }
    }

    /**
     * Puts goods into a warehouse (the caller says why) and fills its backorders; for goods that come back from
     * elsewhere in the plant, e.g. the workshop.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stock putAway(String sku, String warehouse, BigDecimal quantity, MovementKind kind, Cause cause) {
        Stock stock = lockOrOpen(sku, warehouse);
        stock.receive(quantity, kind, cause);
        reservations.fillBackorders(stock);
        return stock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StockView> find(String sku) {
        return Product.findByIdOptional(sku).map(product -> view(sku));
    }

    /**
     * The ledger of a product, oldest first, each entry with the figures right after it in its warehouse; 404 when
     * the product does not exist.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<MovementView> movements(String sku, String warehouse) {
        if (Product.findById(sku) == null) {
            throw ProblemException.notFound("product", sku);
        }
        if (warehouse != null && !Warehouse.exists(warehouse)) {
            throw ProblemException.notFound("warehouse", warehouse);
        }
        List<Object[]> rows = Stock.getEntityManager().createNativeQuery("""
                        select id, warehouse, kind, on_hand_change, reserved_change,
                               sum(on_hand_change) over (partition by warehouse order by id),
                               sum(reserved_change) over (partition by warehouse order by id),
                               moved_at, moved_by, order_id, line_no, reference, reason
                        from stock_movement where sku = ?1 and (cast(?2 as text) is null or warehouse = ?2)
                        order by id""")
                .setParameter(1, sku).setParameter(2, warehouse).getResultList();
        return rows.stream().map(row -> new MovementView(((Number) row[0]).longValue(), (String) row[1],
                MovementKind.valueOf((String) row[2]), (BigDecimal) row[3], (BigDecimal) row[4], (BigDecimal) row[5],
                (BigDecimal) row[6], instant(row[7]), (String) row[8], (UUID) row[9],
                row[10] == null ? null : ((Number) row[10]).intValue(), (String) row[11], (String) row[12])).toList();
    }

    /** The product's stock now, over all warehouses and per warehouse. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StockView view(String sku) {
        List<Stock> rows = Stock.ofProduct(sku);
        Availability.Totals totals = Availability.Totals.of(sku);
        return new StockView(sku, totals.onHand(), totals.reserved(), totals.available(),
                reservations.backordered(sku), rows.stream().map(StockView.AtWarehouse::from).toList());
    }

    private static Stock lockOrOpen(String sku, String warehouse) {
        requireProduct(sku);
        return Stock.lockOrOpen(sku, warehouse).orElseThrow();
    }

    private static void requireProduct(String sku) {
        if (Product.findById(sku) == null) {
            throw ProblemException.unprocessable("Unknown product",
                    "product " + sku + " does not exist: introduce it with PUT /products/" + sku);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
