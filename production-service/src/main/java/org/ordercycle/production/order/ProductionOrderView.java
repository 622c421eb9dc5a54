package org.ordercycle.production.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.production.shipment.Shipment;
import org.ordercycle.production.shipment.ShipmentView;

/** A production order as the API shows it: per line what is reserved, backordered and shipped, and its shipments. */
public record ProductionOrderView(UUID id, UUID customerId, LocalDate requestedDate, String salesperson,
        Classification classification, ProductionOrderStatus status, Instant receivedAt, LocalDate promisedDate,
        Integer priority, Instant acceptedAt, Instant cancelledAt, LocalDate plannedCompletion, List<LineView> lines,
        List<ShipmentView> shipments) {

    public record LineView(int lineNo, String sku, String warehouse, BigDecimal quantity, BigDecimal reserved,
            BigDecimal backordered, BigDecimal inProduction, BigDecimal shipped) {
    }

    static ProductionOrderView from(ProductionOrder order, List<Shipment> shipments) {
        return new ProductionOrderView(order.id, order.customerId, order.requestedDate, order.salesperson,
                order.classification, order.status, order.receivedAt, order.promisedDate, order.priority,
                order.acceptedAt, order.cancelledAt, order.plannedCompletion,
                order.lines.stream().map(line -> new LineView(line.lineNo, line.sku, line.warehouse, line.quantity,
                        line.reserved,
                        line.backordered, line.inProduction, line.shipped)).toList(),
                shipments.stream().map(ShipmentView::from).toList());
    }
}
