package org.ordercycle.sales.forecast;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/** Production's capacity plan for one work center and month, as last published (production.capacity). */
@Entity
@Table(name = "capacity_plan")
@IdClass(CapacityPlan.Key.class)
public class CapacityPlan extends PanacheEntityBase {

    @Id
    public String workCenter;

    @Id
    public String month;

    public BigDecimal hoursAvailable;

    public BigDecimal hoursCommitted;

    public Instant publishedAt;

    public static class Key implements Serializable {
        public String workCenter;
        public String month;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(workCenter, key.workCenter)
                    && Objects.equals(month, key.month);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workCenter, month);
        }
    }

    /** Replaces the plan held for the work center and month, unless it is newer than the one published. */
    static void published(String workCenter, YearMonth month, BigDecimal available, BigDecimal committed,
            Instant publishedAt) {
        CapacityPlan plan = find("workCenter = ?1 and month = ?2", workCenter, month.toString()).firstResult();
        if (plan == null) {
            plan = new CapacityPlan();
            plan.workCenter = workCenter;
            plan.month = month.toString();
        } else if (plan.publishedAt.isAfter(publishedAt)) {
            return;
        }
        plan.hoursAvailable = available;
        plan.hoursCommitted = committed;
        plan.publishedAt = publishedAt;
        plan.persist();
    }

    static List<CapacityPlan> of(YearMonth month) {
        return list("month = ?1 order by workCenter", month.toString());
    }
}
