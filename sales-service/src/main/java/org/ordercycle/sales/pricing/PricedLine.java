package org.ordercycle.sales.pricing;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line as pricing derived it: the list price it started from, the agreed unit price, discount, tax rate and
 * category, production's unit cost (null when unknown) and every step of the derivation in words.
 */
public record PricedLine(int lineNo, String sku, BigDecimal quantity, BigDecimal listPrice, BigDecimal unitPrice,
        BigDecimal discountPercent, BigDecimal taxRate, String taxCategory, BigDecimal unitCost,
        List<String> derivation) {
}
