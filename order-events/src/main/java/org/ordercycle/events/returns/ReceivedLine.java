package org.ordercycle.events.returns;

import java.math.BigDecimal;

/**
 * A quantity of one order line that came back, and what inspection found it fit for.
 *
 * @param lineNo the order's line number
 */
public record ReceivedLine(int lineNo, String sku, BigDecimal quantity, ItemCondition condition) {
}
