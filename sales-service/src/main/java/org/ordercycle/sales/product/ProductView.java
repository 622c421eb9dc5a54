package org.ordercycle.sales.product;

import java.math.BigDecimal;
import java.time.Instant;
import org.ordercycle.events.Money;
import org.ordercycle.sales.Decimals;

/** What sales knows of a product from production. */
public record ProductView(String sku, BigDecimal onHand, BigDecimal reserved, BigDecimal availableToPromise,
        int leadTimeDays, BigDecimal surplusCapacityHours, Money unitCost, Instant updatedAt) {

    static ProductView from(Product product) {
        return new ProductView(product.sku, Decimals.plain(product.onHand), Decimals.plain(product.reserved),
                Decimals.plain(product.availableToPromise), product.leadTimeDays,
                Decimals.plain(product.surplusCapacityHours), product.unitCost == null ? null
                        : new Money(Decimals.price(product.unitCost), product.unitCostCurrency), product.updatedAt);
    }
}
