package org.ordercycle.contact.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.ordercycle.contact.party.Parties;
import org.ordercycle.contact.party.Party;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.kit.api.ProblemException;

/** Open items and revenue per customer, from the invoices, payments and credit notes billing reported. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountService {

    private final EntityManager entities;
    private final Parties parties;
    private final Clock clock;

    AccountService(EntityManager entities, Parties parties, Clock clock) {
        this.entities = entities;
        this.parties = parties;
        this.clock = clock;
    }

    public OpenItemsView openItems(UUID customerId) {
        Party party = parties.get(customerId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select invoice_id, number, due_date, currency, gross, paid, credited, gross - paid - credited
                from customer_invoice
                where customer_id = ?1 and gross is not null and gross - paid - credited > 0
                order by due_date, number""").setParameter(1, customerId).getResultList();
        Map<String, BigDecimal> totals = new TreeMap<>();
        List<OpenItemsView.OpenItem> items = rows.stream().map(row -> {
            LocalDate due = row[2] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) row[2];
            String currency = row[3].toString();
            BigDecimal open = (BigDecimal) row[7];
            totals.merge(currency, open, BigDecimal::add);
            return new OpenItemsView.OpenItem((UUID) row[0], (String) row[1], due, currency, (BigDecimal) row[4],
                    (BigDecimal) row[5], (BigDecimal) row[6], open, due != null && due.isBefore(today));
        }).toList();
        return new OpenItemsView(customerId, party.classification.name(), items, totals);
    }

    public RevenueView revenue(LocalDate from, LocalDate to, String currency) {
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                with customers as (
                    select id, name, classification from organization
                    union all select id, first_name || ' ' || last_name, classification from person)
                select i.customer_id, c.name, coalesce(c.classification, 'EXTERNAL'), sum(i.net), sum(i.credited),
                       sum(i.gross - i.paid - i.credited)
                from customer_invoice i left join customers c on c.id = i.customer_id
                where i.issued_at >= ?1 and i.issued_at < ?2 and i.currency = ?3
                group by i.customer_id, c.name, c.classification
                order by sum(i.net) desc, i.customer_id""")
                .setParameter(1, from.atStartOfDay(ZoneOffset.UTC).toInstant())
                .setParameter(2, to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .setParameter(3, currency).getResultList();
        List<RevenueView.CustomerRevenue> all = rows.stream().map(row -> new RevenueView.CustomerRevenue((UUID) row[0],
                (String) row[1], (String) row[2], (BigDecimal) row[3], (BigDecimal) row[4], (BigDecimal) row[5]))
                .toList();
        List<RevenueView.CustomerRevenue> external = all.stream()
                .filter(customer -> customer.classification().equals(Classification.EXTERNAL.name())).toList();
        List<RevenueView.CustomerRevenue> internal = all.stream()
                .filter(customer -> !customer.classification().equals(Classification.EXTERNAL.name())).toList();
        return new RevenueView(from, to, currency, external, sum(external), internal, sum(internal));
    }

    private static BigDecimal sum(List<RevenueView.CustomerRevenue> customers) {
        return customers.stream().map(RevenueView.CustomerRevenue::net).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
