package org.ordercycle.sales.availability;

import java.math.BigDecimal;
import java.time.Instant;
import org.ordercycle.events.Money;

/**
 * What sales can promise of a product: available to promise now, lead time for more, production's surplus capacity
 * this month, and the stock beyond this month's forecast (excess stock).
 */
public record AvailabilityView(String sku, BigDecimal onHand, BigDecimal reserved, BigDecimal availableToPromise,
        int leadTimeDays, BigDecimal surplusCapacityHours, BigDecimal excessStock, Money unitCost,
        Instant updatedAt) {
}
