package org.ordercycle.sales.product;

import java.math.BigDecimal;
import java.time.Instant;
import org.ordercycle.sales.Decimals;

/** What sales knows of a product from production. */
public record ProductView(String sku, BigDecimal onHand, BigDecimal reserved, BigDecimal availableToPromise,
        int leadTimeDays, Instant updatedAt) {

    static ProductView from(Product product) {
        return new ProductView(product.sku, Decimals.plain(product.onHand), Decimals.plain(product.reserved),
                Decimals.plain(product.availableToPromise), product.leadTimeDays, product.updatedAt);
    }
}
