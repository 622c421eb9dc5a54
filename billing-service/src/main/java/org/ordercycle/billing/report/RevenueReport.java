package org.ordercycle.billing.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Invoiced, credited and paid per customer and month, internal (affiliates, employees) and external apart; totals
 * per group and currency. Amounts gross unless named net; invoices count on their invoice date, credit notes on
 * theirs, payments on the day they were received (the company's time zone).
 */
public record RevenueReport(LocalDate from, LocalDate to, UUID customerId, List<Row> rows, List<Total> totals) {

    public record Row(String period, UUID customerId, String customerName, String group, String classification,
            String currency, BigDecimal invoicedNet, BigDecimal invoiced, BigDecimal credited, BigDecimal paid) {
    }

    /** One group (INTERNAL / EXTERNAL) in one currency over the whole range. */
    public record Total(String group, String currency, BigDecimal invoicedNet, BigDecimal invoiced,
            BigDecimal credited, BigDecimal paid) {
    }

    static final String CSV_HEADER =
            "period,customerId,customerName,group,classification,currency,invoicedNet,invoiced,credited,paid";

    String csv() {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Row row : rows) {
            csv.append(row.period()).append(',').append(row.customerId()).append(',')
                    .append(quoted(row.customerName())).append(',').append(row.group()).append(',')
                    .append(row.classification()).append(',').append(row.currency()).append(',')
                    .append(row.invoicedNet().toPlainString()).append(',').append(row.invoiced().toPlainString())
                    .append(',').append(row.credited().toPlainString()).append(',').append(row.paid().toPlainString())
                    .append('\n');
        }
        return csv.toString();
    }

    private static String quoted(String value) {
        if (value == null) {
            return "";
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
