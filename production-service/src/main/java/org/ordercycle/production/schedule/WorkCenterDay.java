package org.ordercycle.production.schedule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** A day of a work center's capacity calendar that differs from its default hours (a holiday, a double shift). */
@Entity
@IdClass(WorkCenterDay.Key.class)
public class WorkCenterDay extends PanacheEntityBase {

    @Id
    public String workCenter;

    @Id
    public LocalDate day;

    public BigDecimal hours;

    public static class Key implements Serializable {
        public String workCenter;
        public LocalDate day;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(workCenter, key.workCenter) && Objects.equals(day, key.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workCenter, day);
        }
    }

    static void set(String workCenter, LocalDate day, BigDecimal hours) {
        Key key = new Key();
        key.workCenter = workCenter;
        key.day = day;
        WorkCenterDay existing = findById(key);
        if (existing != null) {
            existing.hours = hours;
            return;
        }
        WorkCenterDay entry = new WorkCenterDay();
        entry.workCenter = workCenter;
        entry.day = day;
        entry.hours = hours;
        entry.persist();
    }

    /** The calendar's exceptions from a day on. */
    static Map<LocalDate, BigDecimal> from(String workCenter, LocalDate first) {
        return WorkCenterDay.<WorkCenterDay>list("workCenter = ?1 and day >= ?2", workCenter, first).stream()
                .collect(Collectors.toMap(entry -> entry.day, entry -> entry.hours));
    }
}
