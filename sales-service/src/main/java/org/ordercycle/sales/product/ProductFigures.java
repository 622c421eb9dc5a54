package org.ordercycle.sales.product;

import java.math.BigDecimal;

/**
 * What the promised date, the selection policy and pricing need of a product production announced, as plain values
 * read for one transaction (never written back): available to promise, lead time, surplus capacity and unit cost.
 */
public record ProductFigures(String sku, BigDecimal availableToPromise, int leadTimeDays,
        BigDecimal surplusCapacityHours, BigDecimal unitCost, String unitCostCurrency) {

    /** The unit cost in the currency, when production announced one in it. */
    public BigDecimal unitCostIn(String currency) {
        return unitCost != null && currency.equals(unitCostCurrency) ? unitCost : null;
    }
}
