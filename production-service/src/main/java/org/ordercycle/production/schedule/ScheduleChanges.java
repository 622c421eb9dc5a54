package org.ordercycle.production.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Reads the recorded schedule changes: every move of a planned completion, counted per month (UTC). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ScheduleChanges {

    public ScheduleChangeView list(YearMonth month, UUID orderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> counts = ScheduleChange.getEntityManager().createNativeQuery("""
                        select to_char(changed_at at time zone 'UTC', 'YYYY-MM'), count(*) from schedule_change
                        group by 1 order by 1""").getResultList();
        List<ScheduleChangeView.Month> months = counts.stream()
                .map(row -> new ScheduleChangeView.Month(YearMonth.parse((String) row[0]), ((Number) row[1]).longValue()))
                .toList();
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        if (month != null) {
            query.append(" and changedAt >= :from and changedAt < :to");
            parameters.put("from", month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            parameters.put("to", month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (orderId != null) {
            query.append(" and orderId = :orderId");
            parameters.put("orderId", orderId);
        }
        List<ScheduleChangeView.Change> changes = ScheduleChange.<ScheduleChange>list(
                        query + " order by changedAt, id", parameters).stream()
                .map(ScheduleChangeView.Change::from).toList();
        return new ScheduleChangeView(months, changes);
    }
}
