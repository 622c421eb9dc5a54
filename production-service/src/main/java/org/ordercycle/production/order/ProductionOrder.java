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
import jakarta.persistence.OrderBy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;

/** An order production has to build, under the id sales gave it. */
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

    @ElementCollection
    @CollectionTable(name = "production_order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("lineNo")
    public List<Line> lines = new ArrayList<>();

    /** What to build for one line of the order; prices stay with sales and billing. */
    @Embeddable
    public static class Line {
        public int lineNo;
        public String sku;
        public BigDecimal quantity;
    }

    static ProductionOrder receive(OrderPlaced placed, Instant receivedAt) {
        ProductionOrder order = new ProductionOrder();
        order.id = placed.orderId();
        order.customerId = placed.customerId();
        order.requestedDate = placed.requestedDate();
        order.salesperson = placed.salesperson();
        order.classification = placed.classification();
        order.status = ProductionOrderStatus.RECEIVED;
        order.receivedAt = receivedAt;
        for (OrderLine placedLine : placed.lines()) {
            Line line = new Line();
            line.lineNo = placedLine.lineNo();
            line.sku = placedLine.sku();
            line.quantity = placedLine.quantity();
            order.lines.add(line);
        }
        order.persist();
        return order;
    }
}
