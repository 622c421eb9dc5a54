package org.ordercycle.production.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.contact.Classification;

/** A production order as the API shows it. */
public record ProductionOrderView(UUID id, UUID customerId, LocalDate requestedDate, String salesperson,
        Classification classification, ProductionOrderStatus status, Instant receivedAt, List<LineView> lines) {

    public record LineView(int lineNo, String sku, BigDecimal quantity) {
    }

    static ProductionOrderView from(ProductionOrder order) {
        return new ProductionOrderView(order.id, order.customerId, order.requestedDate, order.salesperson,
                order.classification, order.status, order.receivedAt,
                order.lines.stream().map(line -> new LineView(line.lineNo, line.sku, line.quantity)).toList());
    }
}
