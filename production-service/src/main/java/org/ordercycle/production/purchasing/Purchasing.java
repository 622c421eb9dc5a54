package org.ordercycle.production.purchasing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.production.product.Product;
import org.ordercycle.production.stock.Availability;
import org.ordercycle.production.stock.Cause;
import org.ordercycle.production.stock.MovementKind;
import org.ordercycle.production.stock.StockService;
import org.ordercycle.production.stock.Warehouses;

/**
 * Buying: suppliers, reorder points, suggested purchase orders, purchase orders and goods receipt against them with
 * incoming inspection. Accepted goods go into stock (a RECEIPT with the purchase order as reference) and fill
 * backorders; rejected ones count against the supplier.
 */
@ApplicationScoped
@Transactional
public class Purchasing {

    private final StockService stock;
    private final Availability availability;
    private final Warehouses warehouses;
    private final Clock clock;

    Purchasing(StockService stock, Availability availability, Warehouses warehouses, Clock clock) {
        this.stock = stock;
        this.availability = availability;
        this.warehouses = warehouses;
        this.clock = clock;
    }

    public SupplierView register(SupplierRequest request) {
        return SupplierView.from(Supplier.register(request, clock.instant()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SupplierView supplier(UUID id) {
        return Supplier.<Supplier>findByIdOptional(id).map(SupplierView::from)
                .orElseThrow(() -> ProblemException.notFound("supplier", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SupplierView> suppliers() {
        return Supplier.<Supplier>list("order by name, id").stream().map(SupplierView::from).toList();
    }

    public ReorderPointRequest setReorderPoint(String sku, ReorderPointRequest request) {
        requireProduct(sku);
        if (request.supplierId() != null) {
            requireSupplier(request.supplierId());
        }
        ReorderPoint point = ReorderPoint.set(sku, request);
        return new ReorderPointRequest(point.reorderPoint, point.reorderQuantity, point.supplierId);
    }

    /** Every product below its reorder point, counting what is on order, with what to buy. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SuggestionView> suggestions() {
        List<SuggestionView> suggestions = new ArrayList<>();
        for (ReorderPoint point : ReorderPoint.<ReorderPoint>list("order by sku")) {
            BigDecimal available = Availability.Totals.of(point.sku).available();
            BigDecimal onOrder = onOrder(point.sku);
            BigDecimal expected = available.add(onOrder);
            if (expected.compareTo(point.reorderPoint) < 0) {
                BigDecimal quantity = point.reorderQuantity.max(point.reorderPoint.subtract(expected));
                suggestions.add(new SuggestionView(point.sku, available, onOrder, point.reorderPoint, quantity,
                        point.supplierId));
            }
        }
        return suggestions;
    }

    public PurchaseOrderView order(PurchaseOrderRequest request, String by) {
        requireSupplier(request.supplierId());
        String warehouse = warehouses.resolve(request.warehouse());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            String sku = request.lines().get(i).sku();
            if (!seen.add(sku)) {
                throw ProblemException.badRequest("lines[" + i + "].sku", sku + " is named twice");
            }
            requireProduct(sku);
        }
        return PurchaseOrderView.from(PurchaseOrder.place(request.supplierId(), warehouse, request.lines(),
                clock.instant(), by));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PurchaseOrderView purchaseOrder(UUID id) {
        return PurchaseOrder.<PurchaseOrder>findByIdOptional(id).map(PurchaseOrderView::from)
                .orElseThrow(() -> ProblemException.notFound("purchase order", id));
    }

    /**
     * Goods came in against a purchase order: accepted goods into its warehouse (filling backorders), rejected ones
     * counted against the supplier. More than is open on a line is a 409 and nothing changes.
     */
    public PurchaseOrderView receive(UUID id, GoodsReceiptRequest request, String by) {
        PurchaseOrder order = PurchaseOrder.<PurchaseOrder>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("purchase order", id));
        Set<Integer> seen = new HashSet<>();
        List<String> overdrawn = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            GoodsReceiptRequest.Line line = request.lines().get(i);
            if (!seen.add(line.lineNo())) {
                throw ProblemException.badRequest("lines[" + i + "].lineNo", "line " + line.lineNo() + " is named twice");
            }
            if (line.accepted().add(line.rejected()).signum() == 0) {
                throw ProblemException.badRequest("lines[" + i + "]", "nothing accepted or rejected");
            }
            PurchaseOrder.Line ordered = order.line(line.lineNo()).orElseThrow(() -> ProblemException.unprocessable(
                    "Unknown purchase order line", "purchase order " + id + " has no line " + line.lineNo()));
            if (line.accepted().add(line.rejected()).compareTo(ordered.open()) > 0) {
                overdrawn.add("line " + line.lineNo() + ": " + ordered.open().toPlainString() + " open");
            }
        }
        if (!overdrawn.isEmpty()) {
            throw ProblemException.conflict("More than ordered",
                    "cannot receive more than is open on purchase order " + id + ": " + String.join("; ", overdrawn));
        }
        Supplier supplier = Supplier.findById(order.supplierId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        List<GoodsReceiptRequest.Line> bySku = request.lines().stream()
                .sorted(Comparator.comparing(line -> order.line(line.lineNo()).orElseThrow().sku)).toList();
        for (GoodsReceiptRequest.Line line : bySku) {
            PurchaseOrder.Line ordered = order.line(line.lineNo()).orElseThrow();
            order.received(line.lineNo(), line.accepted(), line.rejected());
            supplier.inspected(line.accepted(), line.rejected());
            if (line.accepted().signum() > 0) {
                stock.putAway(ordered.sku, order.warehouse, line.accepted(), MovementKind.RECEIPT,
                        Cause.of(now, by, "purchase order " + order.id, "goods receipt, " + line.rejected().toPlainString()
                                + " rejected at incoming inspection"));
                availability.changed(ordered.sku, by);
            }
        }
        return PurchaseOrderView.from(order);
    }

    private static BigDecimal onOrder(String sku) {
        BigDecimal open = PurchaseOrder.getEntityManager().createQuery("""
                        select coalesce(sum(l.quantity - l.accepted - l.rejected), 0)
                        from PurchaseOrder o join o.lines l where l.sku = :sku and o.status <> :received""",
                        BigDecimal.class)
                .setParameter("sku", sku).setParameter("received", PurchaseOrderStatus.RECEIVED).getSingleResult();
        return open == null ? BigDecimal.ZERO : open;
    }

    private static void requireProduct(String sku) {
        if (Product.findById(sku) == null) {
            throw ProblemException.unprocessable("Unknown product",
                    "product " + sku + " does not exist: introduce it with PUT /products/" + sku);
        }
    }

    private static void requireSupplier(UUID id) {
        if (Supplier.findById(id) == null) {
            throw ProblemException.unprocessable("Unknown supplier", "supplier " + id + " does not exist");
        }
    }
}
