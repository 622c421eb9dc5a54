package org.ordercycle.sales.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ordercycle.sales.policy.SelectionPolicy.Demand;
import org.ordercycle.sales.product.Product;
import org.ordercycle.sales.product.ProductFigures;

/**
 * The delivery date sales promises on acceptance: the requested date (or today) when production may promise every
 * line's quantity now, else no earlier than today plus the longest lead time of the lines it cannot. A product
 * production has not announced counts as nothing available and no lead time.
 */
public final class PromisedDate {

    private PromisedDate() {
    }

    public static LocalDate of(List<Demand> lines, LocalDate requested, LocalDate today) {
        return of(lines, Product.bySku(lines.stream().map(Demand::sku).distinct().toList()), requested, today);
    }

    /** As {@link #of(List, LocalDate, LocalDate)} with the products already read. */
    public static LocalDate of(List<Demand> lines, Map<String, ProductFigures> products, LocalDate requested,
            LocalDate today) {
        LocalDate wanted = requested == null ? today : requested;
        int longestLeadTime = -1;
        for (Demand line : lines) {
            ProductFigures product = products.get(line.sku());
            BigDecimal available = product == null ? BigDecimal.ZERO : product.availableToPromise();
            if (available.compareTo(line.quantity()) < 0) {
                longestLeadTime = Math.max(longestLeadTime, product == null ? 0 : product.leadTimeDays());
            }
        }
        if (longestLeadTime < 0) {
            return wanted;
        }
        LocalDate producible = today.plusDays(longestLeadTime);
        return requested == null || producible.isAfter(requested) ? producible : requested;
    }
}
