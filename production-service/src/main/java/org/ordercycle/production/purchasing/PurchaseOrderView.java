package org.ordercycle.production.purchasing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record PurchaseOrderView(UUID id, UUID supplierId, String warehouse, PurchaseOrderStatus status,
        Instant orderedAt, String orderedBy, List<LineView> lines) {

    public record LineView(int lineNo, String sku, BigDecimal quantity, BigDecimal accepted, BigDecimal rejected,
            BigDecimal open) {
    }

    static PurchaseOrderView from(PurchaseOrder order) {
        return new PurchaseOrderView(order.id, order.supplierId, order.warehouse, order.status, order.orderedAt,
                order.orderedBy, order.lines.stream().map(line -> new LineView(line.lineNo, line.sku, line.quantity,
                        line.accepted, line.rejected, line.open())).toList());
    }
}
