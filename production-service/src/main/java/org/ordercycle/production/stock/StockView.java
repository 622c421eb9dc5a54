package org.ordercycle.production.stock;

import java.math.BigDecimal;
import java.util.List;

/**
 * The stock of one product over all warehouses: on hand, reserved for accepted orders, what sales may still
 * promise, and what accepted orders still miss; and the same per warehouse.
 */
public record StockView(String sku, BigDecimal onHand, BigDecimal reserved, BigDecimal availableToPromise,
        BigDecimal backordered, List<AtWarehouse> warehouses) {

    public record AtWarehouse(String warehouse, BigDecimal onHand, BigDecimal reserved, BigDecimal available) {

        static AtWarehouse from(Stock stock) {
            return new AtWarehouse(stock.warehouse, stock.onHand, stock.reserved, stock.available());
        }
    }
}
