package org.ordercycle.production.purchasing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.util.UUID;

/** Below this much available (counting what is on order) a product or material should be bought again. */
@Entity
public class ReorderPoint extends PanacheEntityBase {

    @Id
    public String sku;

    public BigDecimal reorderPoint;

    public BigDecimal reorderQuantity;

    public UUID supplierId;

    static ReorderPoint set(String sku, ReorderPointRequest request) {
        ReorderPoint point = findById(sku);
        boolean created = point == null;
        if (created) {
            point = new ReorderPoint();
            point.sku = sku;
        }
        point.reorderPoint = request.reorderPoint();
        point.reorderQuantity = request.reorderQuantity();
        point.supplierId = request.supplierId();
        if (created) {
            point.persist();
        }
        return point;
    }
}
