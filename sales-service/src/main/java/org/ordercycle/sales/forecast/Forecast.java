package org.ordercycle.sales.forecast;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/** Sales' expected demand for one product in one month, with the assumptions behind it. */
@Entity
@Table(name = "forecast")
@IdClass(Forecast.Key.class)
public class Forecast extends PanacheEntityBase {

    @Id
    public String sku;

    /** The month as ISO text, 2026-12. */
    @Id
    public String month;

    public BigDecimal quantity;

    public String assumptions;

    public String submittedBy;

    public Instant submittedAt;

    public static class Key implements Serializable {
        public String sku;
        public String month;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(sku, key.sku) && Objects.equals(month, key.month);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sku, month);
        }
    }

    /** Submits the forecast, replacing an earlier one for the sku and month; true when it is the first. */
    static boolean submit(String sku, YearMonth month, BigDecimal quantity, String assumptions, String by,
            Instant now) {
        Forecast forecast = find("sku = ?1 and month = ?2", sku, month.toString())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        boolean first = forecast == null;
        if (first) {
            forecast = new Forecast();
            forecast.sku = sku;
            forecast.month = month.toString();
        }
        forecast.quantity = quantity;
        forecast.assumptions = assumptions;
        forecast.submittedBy = by;
        forecast.submittedAt = now;
        forecast.persist();
        return first;
    }

    static List<Forecast> of(YearMonth month) {
        return list("month = ?1 order by sku", month.toString());
    }

    static List<Forecast> between(YearMonth from, YearMonth to) {
        return list("month >= ?1 and month <= ?2 order by sku, month", from.toString(), to.toString());
    }

    /** The forecast quantity of the sku for the month, null when none was submitted. */
    public static BigDecimal quantityOf(String sku, YearMonth month) {
        Forecast forecast = find("sku = ?1 and month = ?2", sku, month.toString()).firstResult();
        return forecast == null ? null : forecast.quantity;
    }
}
