package org.ordercycle.production.schedule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A production order as the API shows it. */
public record WorkOrderView(UUID id, UUID orderId, int lineNo, String sku, BigDecimal quantity, String workCenter,
        BigDecimal hours, BigDecimal overtimeHours, int priority, LocalDate promisedDate, WorkOrderStatus status,
        LocalDate plannedStart, LocalDate plannedCompletion, Instant expeditedAt, Instant completedAt,
        String completedBy, List<MaterialView> materials) {

    public record MaterialView(String sku, String warehouse, BigDecimal required, BigDecimal reserved) {
    }

    static WorkOrderView from(WorkOrder order) {
        return new WorkOrderView(order.id, order.orderId, order.lineNo, order.sku, order.quantity, order.workCenter,
                order.hours, order.overtimeHours, order.priority, order.promisedDate, order.status,
                order.plannedStart, order.plannedCompletion, order.expeditedAt, order.completedAt, order.completedBy,
                order.materials.stream().map(material -> new MaterialView(material.sku, material.warehouse,
                        material.required, material.reserved)).toList());
    }
}
