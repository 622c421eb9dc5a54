package org.ordercycle.contact.segment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordercycle.kit.api.ProblemException;

/**
 * Customer segments for mailings, computed from the order events consumed (when each customer last ordered, what its
 * accepted orders were worth): customers with no order for more than N days, the top N customers by accepted order
 * value in a period and a currency. Prospects, suppliers and carriers are never in a segment.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SegmentService {

    /** Every customer, organizations and persons alike. */
    private static final String CUSTOMERS = """
            with customers as (
                select id, 'ORGANIZATION' as kind, name, classification, tier, account_owner, registered_at, roles
                from organization
                union all
                select id, 'PERSON', first_name || ' ' || last_name, classification, tier, account_owner, registered_at,
                       roles
                from person)
            """;

    /** The columns of how to reach the customer (from the joins below). */
    private static final String CONTACT = "e.email, p.phone, a.street, a.postal_code, a.city, a.country\n";

    /** How to reach the customer: the preferred, else the billing, else any mechanism of the kind. */
    private static final String CONTACT_JOINS = """
            left join lateral (select m.email from contact_mechanism m where m.party_id = c.id and m.kind = 'EMAIL'
                               order by m.preferred desc, m.billing desc, m.id limit 1) e on true
            left join lateral (select m.phone from contact_mechanism m where m.party_id = c.id and m.kind = 'PHONE'
                               order by m.preferred desc, m.billing desc, m.id limit 1) p on true
            left join lateral (select m.street, m.postal_code, m.city, m.country from contact_mechanism m
                               where m.party_id = c.id and m.kind = 'POSTAL'
                               order by m.preferred desc, m.billing desc, m.id limit 1) a on true
            """;

    private final EntityManager entities;
    private final Clock clock;

    SegmentService(EntityManager entities, Clock clock) {
        this.entities = entities;
        this.clock = clock;
    }

    /** Customers whose last order (or, never ordering, their registration) is more than {@code days} days ago. */
    public List<SegmentMember> inactive(int days, SegmentFilter filter) {
        Instant cutoff = clock.instant().minus(Duration.ofDays(days));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("cutoff", cutoff);
        String sql = CUSTOMERS + """
                select c.id, c.kind, c.name, c.classification, c.tier, c.account_owner, o.last_order, null, null,
                """ + CONTACT + """
                from customers c
                left join (select customer_id, max(placed_at) as last_order from customer_order
                           where placed_at is not null group by customer_id) o on o.customer_id = c.id
                """ + CONTACT_JOINS + """
                where 'CUSTOMER' = any(c.roles) and coalesce(o.last_order, c.registered_at) < :cutoff
                """ + filters(filter, parameters) + " order by o.last_order nulls first, c.name, c.id";
        return members(sql, parameters);
    }

    /** The {@code count} customers with the highest net value of orders accepted from {@code from} to {@code to}. */
    public List<SegmentMember> top(int count, LocalDate from, LocalDate to, String currency, SegmentFilter filter) {
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", from.atStartOfDay(ZoneOffset.UTC).toInstant());
        parameters.put("until", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        parameters.put("currency", currency);
        parameters.put("count", count);
        String sql = CUSTOMERS + """
                select c.id, c.kind, c.name, c.classification, c.tier, c.account_owner,
                       (select max(placed_at) from customer_order l where l.customer_id = c.id), v.value,
                       cast(:currency as text),
                """ + CONTACT + """
                from customers c
                join (select customer_id, sum(net_value) as value from customer_order
                      where accepted_at >= :from and accepted_at < :until and currency = :currency
                        and cancelled_at is null
                      group by customer_id) v on v.customer_id = c.id
                """ + CONTACT_JOINS + """
                where 'CUSTOMER' = any(c.roles)
                """ + filters(filter, parameters) + " order by v.value desc, c.name, c.id limit :count";
        return members(sql, parameters);
    }

    private static String filters(SegmentFilter filter, Map<String, Object> parameters) {
        StringBuilder sql = new StringBuilder();
        if (filter.classification() != null) {
            sql.append(" and c.classification = :classification");
            parameters.put("classification", filter.classification().name());
        }
        if (filter.tier() != null) {
            sql.append(" and c.tier = :tier");
            parameters.put("tier", filter.tier().name());
        }
        if (filter.channel() != null) {
            sql.append("""
                     and (select r.granted from consent_record r where r.party_id = c.id and r.channel = :channel
                          order by r.recorded_at desc, r.seq desc limit 1) is true""");
            parameters.put("channel", filter.channel().name());
        }
        return sql.toString();
    }

    private List<SegmentMember> members(String sql, Map<String, Object> parameters) {
        Query query = entities.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new SegmentMember((UUID) row[0], (String) row[1], (String) row[2],
                (String) row[3], (String) row[4], (String) row[5], instant(row[6]), (BigDecimal) row[7],
                row[8] == null ? null : row[8].toString(), (String) row[9], (String) row[10], (String) row[11],
                (String) row[12], (String) row[13], row[14] == null ? null : row[14].toString())).toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("not a moment: " + value.getClass());
    }
}
