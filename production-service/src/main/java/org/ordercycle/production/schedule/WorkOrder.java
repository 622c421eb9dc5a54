package org.ordercycle.production.schedule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordercycle.production.stock.Cause;
import org.ordercycle.production.stock.Stock;

/**
 * A production order: one make-to-order line of an accepted order, made on one work center. Scheduled by priority
 * and promised date into free capacity; completing it uses up its materials and reserves the goods for the order.
 */
@Entity
public class WorkOrder extends PanacheEntityBase {

    /**
     * The order work is done in: expedited first (in the order they were expedited), then higher priority, then the
     * earlier promised date (undated last), then the earlier acceptance.
     */
    static final Comparator<WorkOrder> SCHEDULE_ORDER = Comparator
            .comparing((WorkOrder order) -> order.expeditedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(order -> -order.priority)
            .thenComparing(order -> order.promisedDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(order -> order.acceptedAt)
            .thenComparing(order -> order.id);

    @Id
    public UUID id;

    public UUID orderId;

    public int lineNo;

    public String sku;

    public BigDecimal quantity;

    public String workCenter;

    /** Hours of the work center it takes. */
    public BigDecimal hours;

    /** Of those, hours worked as overtime, outside the calendar (granted by an expedite). */
    public BigDecimal overtimeHours = BigDecimal.ZERO;

    public int priority;

    public LocalDate promisedDate;

    public Instant acceptedAt;

    public Instant expeditedAt;

    @Enumerated(EnumType.STRING)
    public WorkOrderStatus status;

    public LocalDate plannedStart;

    public LocalDate plannedCompletion;

    public Instant completedAt;

    public String completedBy;

    @ElementCollection
    @CollectionTable(name = "work_order_material", joinColumns = @JoinColumn(name = "work_order_id"))
    @OrderBy("sku")
    public List<Material> materials = new ArrayList<>();

    /** A material the order needs, and how much of it is reserved for it. */
    @Embeddable
    public static class Material {
        public String sku;
        public String warehouse;
        public BigDecimal required;
        public BigDecimal reserved = BigDecimal.ZERO;

        public Stock.Key stockKey() {
            return new Stock.Key(sku, warehouse);
        }
    }

    /** A new production order for a line; its materials are reserved from the (locked) stock as far as they are there. */
    public static WorkOrder plan(UUID orderId, int lineNo, String sku, BigDecimal quantity, String workCenter,
            BigDecimal hours, int priority, LocalDate promisedDate, Instant acceptedAt,
            Map<String, BigDecimal> materials, String warehouse, Map<String, Stock> stocks, Cause cause) {
        WorkOrder order = new WorkOrder();
        order.id = UUID.randomUUID();
        order.orderId = orderId;
        order.lineNo = lineNo;
        order.sku = sku;
        order.quantity = quantity;
        order.workCenter = workCenter;
        order.hours = hours;
        order.priority = priority;
        order.promisedDate = promisedDate;
        order.acceptedAt = acceptedAt;
        order.status = WorkOrderStatus.PLANNED;
        Cause forMaterials = cause.line(lineNo).reference("production order " + order.id);
        materials.forEach((material, required) -> {
            Material needed = new Material();
            needed.sku = material;
            needed.warehouse = warehouse;
            needed.required = required;
            Stock stock = stocks.get(material);
            needed.reserved = stock == null ? BigDecimal.ZERO : stock.reserveUpTo(required, forMaterials);
            order.materials.add(needed);
        });
        order.persist();
        return order;
    }

    /** The stock rows the materials of an order's production orders are reserved at. */
    public static List<Stock.Key> materialKeysOf(UUID orderId) {
        return getEntityManager().createQuery("""
                        select distinct m.sku, m.warehouse from WorkOrder w join w.materials m
                        where w.orderId = :id and w.status = :planned""", Object[].class)
                .setParameter("id", orderId).setParameter("planned", WorkOrderStatus.PLANNED)
                .getResultStream().map(row -> new Stock.Key((String) row[0], (String) row[1])).toList();
    }

    public static List<WorkOrder> ofOrder(UUID orderId) {
        return list("orderId = ?1 order by lineNo", orderId);
    }

    static List<WorkOrder> openAt(String workCenter) {
        return WorkOrder.<WorkOrder>list("workCenter = ?1 and status = ?2", workCenter, WorkOrderStatus.PLANNED)
                .stream().sorted(SCHEDULE_ORDER).toList();
    }

    public boolean planned() {
        return status == WorkOrderStatus.PLANNED;
    }

    /** Hours it still needs from the work center's calendar. */
    BigDecimal calendarHours() {
        return hours.subtract(overtimeHours).max(BigDecimal.ZERO);
    }

    void schedule(LocalDate start, LocalDate completion) {
        plannedStart = start;
        plannedCompletion = completion;
    }

    /** Sales asked for it sooner and production granted it: it goes first, with this much overtime. */
    void expedite(Instant at, BigDecimal overtime) {
        expeditedAt = at;
        overtimeHours = overtimeHours.add(overtime).min(hours);
    }

    /** Made: its materials are used up from the (locked) stock. The caller books the goods. */
    void complete(Instant at, String by, Map<Stock.Key, Stock> stocks, Cause cause) {
        if (!planned()) {
            throw new IllegalStateException("production order " + id + " is " + status);
        }
        for (Material material : materials) {
            BigDecimal more = material.required.subtract(material.reserved).max(BigDecimal.ZERO);
            stocks.get(material.stockKey()).consume(material.reserved, more, cause);
            material.reserved = BigDecimal.ZERO;
        }
        status = WorkOrderStatus.COMPLETED;
        completedAt = at;
        completedBy = by;
    }

    /** Its order was cancelled: the materials go back to the (locked) stock. */
    void cancel(Map<Stock.Key, Stock> stocks, Cause cause) {
        for (Material material : materials) {
            if (material.reserved.signum() > 0) {
                stocks.get(material.stockKey()).release(material.reserved, cause);
                material.reserved = BigDecimal.ZERO;
            }
        }
        status = WorkOrderStatus.CANCELLED;
    }
}
