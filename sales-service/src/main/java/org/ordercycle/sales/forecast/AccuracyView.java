package org.ordercycle.sales.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * How good the forecasts of closed months were, per product: totals, the bias (Σ forecast − Σ actual as a percent of
 * Σ actual; positive is over-forecasting), in how many months the forecast was too high, and whether it was too high
 * in every one of them (systematic over-forecasting).
 */
public record AccuracyView(YearMonth from, YearMonth to, List<Product> products) {

    public record Product(String sku, int months, BigDecimal forecastTotal, BigDecimal actualTotal,
            BigDecimal biasPercent, int monthsOverForecast, boolean systematicOverForecast, List<Month> history) {
    }

    public record Month(YearMonth month, BigDecimal forecast, BigDecimal actual) {
    }
}
