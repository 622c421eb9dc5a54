package org.ordercycle.sales.availability;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product sales may offer now: {@code EXCESS_STOCK} (immediate delivery of the stock beyond demand) and/or
 * {@code SURPLUS_CAPACITY} (free production hours this month), with the discount sales may give for it.
 */
public record OfferView(String sku, List<String> reasons, BigDecimal excessStock, BigDecimal surplusCapacityHours,
        boolean immediateDelivery, int leadTimeDays, BigDecimal suggestedDiscountPercent) {
}
