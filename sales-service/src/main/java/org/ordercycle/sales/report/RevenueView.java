package org.ordercycle.sales.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Revenue and margin of the orders accepted in a period (not cancelled), per customer or product, internal and
 * external apart, per currency. {@code cost} and {@code margin} cover only the lines whose unit cost production had
 * announced when they were priced; {@code linesWithoutCost} says how many had none.
 */
public record RevenueView(LocalDate from, LocalDate to, String groupBy, List<Row> rows) {

    public record Row(String key, boolean internal, String currency, int orders, BigDecimal revenue,
            BigDecimal cost, BigDecimal margin, BigDecimal marginPercent, int linesWithoutCost) {
    }
}
