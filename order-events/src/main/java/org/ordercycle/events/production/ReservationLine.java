package org.ordercycle.events.production;

import java.math.BigDecimal;

/**
 * How much of one order line production reserved from stock and how much it must still make or buy.
 *
 * @param lineNo      the order's line number
 * @param reserved    quantity reserved from stock
 * @param backordered quantity not in stock
 */
public record ReservationLine(int lineNo, String sku, BigDecimal reserved, BigDecimal backordered) {
}
