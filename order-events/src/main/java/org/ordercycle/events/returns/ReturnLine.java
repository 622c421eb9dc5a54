package org.ordercycle.events.returns;

import java.math.BigDecimal;

/**
 * A quantity of one order line that is to come back (or be refunded or replaced).
 *
 * @param lineNo the order's line number, so billing finds the agreed price
 */
public record ReturnLine(int lineNo, String sku, BigDecimal quantity) {
}
