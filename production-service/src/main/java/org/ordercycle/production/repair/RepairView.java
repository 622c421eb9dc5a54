package org.ordercycle.production.repair;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record RepairView(UUID id, UUID returnId, UUID orderId, int lineNo, String sku, BigDecimal quantity,
        RepairStatus status, Instant receivedAt, String receivedBy, Instant doneAt, String doneBy) {

    static RepairView from(Repair repair) {
        return new RepairView(repair.id, repair.returnId, repair.orderId, repair.lineNo, repair.sku, repair.quantity,
                repair.status, repair.receivedAt, repair.receivedBy, repair.doneAt, repair.doneBy);
    }
}
