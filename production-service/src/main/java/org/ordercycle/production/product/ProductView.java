package org.ordercycle.production.product;

import java.math.BigDecimal;
import java.time.Instant;
import org.ordercycle.events.Money;

/** A product as the API shows it. */
public record ProductView(String sku, String name, Money unitCost, int leadTimeDays, Instant changedAt,
        ProductMode mode, String workCenter, BigDecimal hoursPerUnit) {

    static ProductView from(Product product) {
        return new ProductView(product.sku, product.name, product.unitCostMoney(), product.leadTimeDays,
                product.changedAt, product.mode, product.workCenter, product.hoursPerUnit);
    }
}
