package org.ordercycle.production.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.production.order.ProductionOrder;
import org.ordercycle.production.stock.Availability;
import org.ordercycle.production.stock.Cause;
import org.ordercycle.production.stock.MovementKind;
import org.ordercycle.production.stock.Stock;

/**
 * Production orders: completing one uses up its materials, books the goods into the order line's warehouse and
 * reserves them for the order; the work center is replanned (the freed capacity moves others forward).
 */
@ApplicationScoped
@Transactional
public class WorkOrders {

    private final Scheduler scheduler;
    private final Availability availability;
    private final Outbox outbox;
    private final Clock clock;

    WorkOrders(Scheduler scheduler, Availability availability, Outbox outbox, Clock clock) {
        this.scheduler = scheduler;
        this.availability = availability;
        this.outbox = outbox;
        this.clock = clock;
    }

    public WorkOrderView complete(UUID id, String by) {
        WorkOrder known = WorkOrder.<WorkOrder>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("production order", id));
        ProductionOrder.Line line = ProductionOrder.<ProductionOrder>findByIdOptional(known.orderId).orElseThrow()
                .line(known.lineNo).orElseThrow();
        // Lock order: stock rows (materials and the made goods), the order, the work center, then the production order.
        List<Stock.Key> keys = new ArrayList<>();
        known.materials.forEach(material -> keys.add(material.stockKey()));
        Stock.ensure(known.sku, line.warehouse);
        keys.add(new Stock.Key(known.sku, line.warehouse));
        Map<Stock.Key, Stock> stocks = Stock.lock(keys);
        ProductionOrder order = ProductionOrder.lock(known.orderId).orElseThrow();
        WorkCenter.lock(known.workCenter);
        WorkOrder work = WorkOrder.<WorkOrder>findById(id);
        WorkOrder.getEntityManager().refresh(work);
        if (!work.planned()) {
            throw ProblemException.conflict("Not planned",
                    "production order " + id + " is " + work.status + ": it cannot be completed");
        }
        List<String> missing = new ArrayList<>();
        for (WorkOrder.Material material : work.materials) {
            Stock stock = stocks.get(material.stockKey());
            BigDecimal more = material.required.subtract(material.reserved).max(BigDecimal.ZERO);
            BigDecimal available = stock == null ? BigDecimal.ZERO : stock.available();
            if (more.compareTo(available) > 0) {
                missing.add(material.sku + ": " + material.required.toPlainString() + " needed, "
                        + material.reserved.add(available).toPlainString() + " there");
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("Materials missing",
                    "production order " + id + " cannot be completed without its materials: " + String.join("; ", missing));
        }
        Instant now = clock.instant();
        Cause cause = new Cause(now, by, order.id, work.lineNo, "production order " + work.id, "production completed");
        work.complete(now, by, stocks, cause);
        Stock made = stocks.get(new Stock.Key(work.sku, line.warehouse));
        made.receive(work.quantity, MovementKind.PRODUCTION_RECEIPT, cause);
        order.madeFor(work.lineNo, made, work.quantity, cause);
        outbox.publish(order.reservation(now));
        scheduler.replan(Set.of(work.workCenter), order, "production order " + work.id + " completed");
        Set<String> skus = new TreeSet<>();
        stocks.keySet().forEach(key -> skus.add(key.sku()));
        skus.forEach(sku -> availability.changed(sku, by));
        return WorkOrderView.from(work);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkOrderView find(UUID id) {
        return WorkOrder.<WorkOrder>findByIdOptional(id).map(WorkOrderView::from)
                .orElseThrow(() -> ProblemException.notFound("production order", id));
    }

    /** The production orders of a sales order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WorkOrderView> ofOrder(UUID orderId) {
        return WorkOrder.ofOrder(orderId).stream().map(WorkOrderView::from).toList();
    }
}
