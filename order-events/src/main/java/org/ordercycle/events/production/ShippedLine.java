package org.ordercycle.events.production;

import java.math.BigDecimal;

/**
 * What left the warehouse for one order line; billing invoices exactly this quantity.
 *
 * @param lineNo the order's line number
 */
public record ShippedLine(int lineNo, String sku, BigDecimal quantity) {
}
