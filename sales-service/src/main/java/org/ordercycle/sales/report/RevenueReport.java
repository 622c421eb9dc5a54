package org.ordercycle.sales.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.ordercycle.sales.order.Order;

/** Sums revenue (net at the agreed prices) and margin (net − production's cost) of accepted orders. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RevenueReport {

    public enum GroupBy { CUSTOMER, PRODUCT }

    private static final class Sum {
        final Set<UUID> orders = new HashSet<>();
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal costedRevenue = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        int withoutCost;
    }

    /** Orders accepted from the day {@code from} to the day {@code to}, both inclusive (UTC). */
    public RevenueView of(LocalDate from, LocalDate to, GroupBy groupBy) {
        Map<String, Sum> sums = new TreeMap<>();
        for (Order order : Order.acceptedBetween(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            for (Order.LineFigures line : order.lineFigures()) {
                String key = (groupBy == GroupBy.CUSTOMER ? order.customerId.toString() : line.sku()) + "|"
                        + order.internal() + "|" + order.currency;
                Sum sum = sums.computeIfAbsent(key, k -> new Sum());
                sum.orders.add(order.id);
                sum.revenue = sum.revenue.add(line.net());
                if (line.cost() == null) {
                    sum.withoutCost++;
                } else {
                    sum.cost = sum.cost.add(line.cost());
                    sum.costedRevenue = sum.costedRevenue.add(line.net());
                }
            }
        }
        List<RevenueView.Row> rows = new ArrayList<>();
        sums.forEach((key, sum) -> {
            String[] parts = key.split("\\|");
            BigDecimal margin = sum.costedRevenue.subtract(sum.cost).setScale(2, RoundingMode.HALF_UP);
            BigDecimal percent = sum.costedRevenue.signum() == 0 ? null
                    : margin.multiply(BigDecimal.valueOf(100)).divide(sum.costedRevenue, 2, RoundingMode.HALF_UP);
            rows.add(new RevenueView.Row(parts[0], Boolean.parseBoolean(parts[1]), parts[2], sum.orders.size(),
                    sum.revenue.setScale(2, RoundingMode.HALF_UP), sum.cost.setScale(2, RoundingMode.HALF_UP), margin,
                    percent, sum.withoutCost));
        });
        return new RevenueView(from, to, groupBy.name(), rows);
    }
}
