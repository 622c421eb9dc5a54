package org.ordercycle.production.stock;

import java.math.BigDecimal;

/**
 * The stock of one product: on hand, reserved for accepted orders, what sales may still promise, and what
 * accepted orders still miss.
 */
public record StockView(String sku, BigDecimal onHand, BigDecimal reserved, BigDecimal availableToPromise,
        BigDecimal backordered) {
}
