package org.ordercycle.production.purchasing;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What production ordered from a supplier, and what came in against it after incoming inspection. */
@Entity
public class PurchaseOrder extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID supplierId;

    public String warehouse;

    @Enumerated(EnumType.STRING)
    public PurchaseOrderStatus status;

    public Instant orderedAt;

    public String orderedBy;

    @ElementCollection
    @CollectionTable(name = "purchase_order_line", joinColumns = @JoinColumn(name = "purchase_order_id"))
    @OrderBy("lineNo")
    public List<Line> lines = new ArrayList<>();

    @Embeddable
    public static class Line {
        public int lineNo;
        public String sku;
        public BigDecimal quantity;
        /** Passed incoming inspection: in stock. */
        public BigDecimal accepted = BigDecimal.ZERO;
        /** Failed incoming inspection: sent back. */
        public BigDecimal rejected = BigDecimal.ZERO;

        public BigDecimal open() {
            return quantity.subtract(accepted).subtract(rejected);
        }
    }

    static PurchaseOrder place(UUID supplierId, String warehouse, List<PurchaseOrderRequest.Line> lines, Instant at,
            String by) {
        PurchaseOrder order = new PurchaseOrder();
        order.id = UUID.randomUUID();
        order.supplierId = supplierId;
        order.warehouse = warehouse;
        order.status = PurchaseOrderStatus.OPEN;
        order.orderedAt = at;
        order.orderedBy = by;
        for (int i = 0; i < lines.size(); i++) {
            Line line = new Line();
            line.lineNo = i + 1;
            line.sku = lines.get(i).sku();
            line.quantity = lines.get(i).quantity();
            order.lines.add(line);
        }
        order.persist();
        return order;
    }

    Optional<Line> line(int lineNo) {
        return lines.stream().filter(line -> line.lineNo == lineNo).findFirst();
    }

    /** Goods of a line came in and were inspected (the caller checked they fit what is still open). */
    void received(int lineNo, BigDecimal accepted, BigDecimal rejected) {
        Line line = line(lineNo).orElseThrow();
        if (accepted.add(rejected).compareTo(line.open()) > 0) {
            throw new IllegalStateException("line " + lineNo + " of purchase order " + id + " has only " + line.open() + " open");
        }
        line.accepted = line.accepted.add(accepted);
        line.rejected = line.rejected.add(rejected);
        status = lines.stream().allMatch(each -> each.open().signum() == 0) ? PurchaseOrderStatus.RECEIVED
                : PurchaseOrderStatus.PARTIALLY_RECEIVED;
    }
}
