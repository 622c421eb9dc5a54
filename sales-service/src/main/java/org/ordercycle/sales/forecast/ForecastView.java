package org.ordercycle.sales.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * One month of planning: sales' forecast per product beside what was actually accepted (complete once the month
 * has closed) and production's capacity plan for the month.
 */
public record ForecastView(YearMonth month, boolean closed, List<Line> forecasts, List<Capacity> capacity) {

    /**
     * A product's forecast and actual; {@code deviation} = forecast − actual, {@code biasPercent} = deviation as a
     * percent of the actual (positive: over-forecast), both only once the month has closed.
     */
    public record Line(String sku, BigDecimal forecast, String assumptions, String submittedBy, Instant submittedAt,
            BigDecimal actual, BigDecimal deviation, BigDecimal biasPercent) {
    }

    public record Capacity(String workCenter, BigDecimal hoursAvailable, BigDecimal hoursCommitted,
            BigDecimal hoursFree) {
    }
}
