package org.ordercycle.billing.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.ordercycle.billing.BillingConfig;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.api.QueryParams;

/** The revenue report: three aggregate queries (invoices, credit notes, payments) merged per month and customer. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RevenueReports {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final EntityManager entityManager;
    private final BillingConfig config;

    RevenueReports(EntityManager entityManager, BillingConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    public RevenueReport revenue(String fromParam, String toParam, String customerParam) {
        LocalDate from = date("from", fromParam);
        LocalDate to = date("to", toParam);
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        UUID customerId = customerParam == null ? null : QueryParams.requiredUuid("customerId", customerParam);
        Map<String, Object[]> rows = new TreeMap<>();
        String customerFilter = customerId == null ? " " : " and x.customer_id = :customer ";
        // invoices: internal as marked when issued
        merge(rows, query("""
                select to_char(x.issued_on, 'YYYY-MM'), x.customer_id, coalesce(x.internal, 'EXTERNAL'), x.currency,
                       sum(x.net), sum(x.gross)
                from invoice x where x.issued_on between :from and :to""" + customerFilter + """
                 group by 1, 2, 3, 4""", from, to, customerId), 6);
        merge(rows, query("""
                select to_char(x.issued_on, 'YYYY-MM'), x.customer_id, coalesce(c.classification, 'EXTERNAL'),
                       x.currency, sum(x.amount)
                from credit_note x left join customer c on c.id = x.customer_id
                where x.issued_on between :from and :to""" + customerFilter + """
                 group by 1, 2, 3, 4""", from, to, customerId), 7);
        merge(rows, query("""
                select to_char((x.received_at at time zone :zone)::date, 'YYYY-MM'), x.customer_id,
                       coalesce(c.classification, 'EXTERNAL'), x.currency, sum(x.amount)
                from payment x left join customer c on c.id = x.customer_id
                where (x.received_at at time zone :zone)::date between :from and :to""" + customerFilter + """
                 group by 1, 2, 3, 4""", from, to, customerId), 8);
        List<RevenueReport.Row> result = new ArrayList<>();
        Map<String, RevenueReport.Total> totals = new TreeMap<>();
        for (Object[] row : rows.values()) {
            String classification = (String) row[2];
            String group = classification.startsWith("INTERNAL") ? "INTERNAL" : "EXTERNAL";
            UUID customer = (UUID) row[1];
            RevenueReport.Row line = new RevenueReport.Row((String) row[0], customer, nameOf(customer), group,
                    classification, (String) row[3], amount(row[5]), amount(row[6]), amount(row[7]), amount(row[8]));
            result.add(line);
            totals.merge(group + "|" + line.currency(), new RevenueReport.Total(group, line.currency(),
                    line.invoicedNet(), line.invoiced(), line.credited(), line.paid()),
                    (a, b) -> new RevenueReport.Total(a.group(), a.currency(), a.invoicedNet().add(b.invoicedNet()),
                            a.invoiced().add(b.invoiced()), a.credited().add(b.credited()), a.paid().add(b.paid())));
        }
        return new RevenueReport(from, to, customerId, result, List.copyOf(totals.values()));
    }

    private String nameOf(UUID customerId) {
        List<?> names = entityManager.createNativeQuery("select name from customer where id = ?1")
                .setParameter(1, customerId).getResultList();
        return names.isEmpty() ? null : (String) names.get(0);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> query(String sql, LocalDate from, LocalDate to, UUID customerId) {
        Query query = entityManager.createNativeQuery(sql).setParameter("from", from).setParameter("to", to);
        if (sql.contains(":zone")) {
            query.setParameter("zone", config.company().timeZone().getId());
        }
        if (customerId != null) {
            query.setParameter("customer", customerId);
        }
        return query.getResultList();
    }

    /** Rows keyed by (month, customer, classification, currency); the aggregated values go to the given columns. */
    private static void merge(Map<String, Object[]> rows, List<Object[]> found, int firstColumn) {
        for (Object[] values : found) {
            String key = values[0] + "|" + values[1] + "|" + values[2] + "|" + values[3];
            Object[] row = rows.computeIfAbsent(key, k -> new Object[] {values[0], values[1], values[2],
                    ((String) values[3]).trim(), null, ZERO, ZERO, ZERO, ZERO});
            if (firstColumn == 6) {
                row[5] = values[4];
                row[6] = values[5];
            } else {
                row[firstColumn] = values[4];
            }
        }
    }

    private static BigDecimal amount(Object value) {
        return value == null ? ZERO : ((BigDecimal) value).setScale(2);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date YYYY-MM-DD");
        }
    }
}
