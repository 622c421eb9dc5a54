package org.ordercycle.sales.forecast;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordercycle.events.sales.ForecastSubmitted;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.sales.Decimals;
import org.ordercycle.sales.order.Order;

/**
 * Order planning: sales' forecast per product and month (published to production), production's capacity plan beside
 * it, and after a month closes the forecast against the orders actually accepted, with the bias per product.
 */
@ApplicationScoped
@Transactional
public class ForecastService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Outbox outbox;
    private final Clock clock;

    ForecastService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Submits (or replaces) the forecast; true when it is the first for the sku and month. */
    public boolean submit(ForecastRequest request, String by) {
        YearMonth current = YearMonth.now(clock);
        if (request.month().isBefore(current)) {
            throw ProblemException.badRequest("month", "must not be before the current month (" + current + ")");
        }
        Instant now = clock.instant();
        boolean first = Forecast.submit(request.sku(), request.month(), request.quantity(), request.assumptions(), by,
                now);
        outbox.publish(new ForecastSubmitted(UUID.randomUUID(), now, request.sku(), request.month(),
                request.quantity(), request.assumptions()));
        return first;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ForecastView month(YearMonth month) {
        boolean closed = month.isBefore(YearMonth.now(clock));
        Map<String, BigDecimal> actuals = actuals(month);
        List<ForecastView.Line> lines = new ArrayList<>();
        for (Forecast forecast : Forecast.of(month)) {
            BigDecimal actual = actuals.getOrDefault(forecast.sku, BigDecimal.ZERO);
            BigDecimal deviation = closed ? forecast.quantity.subtract(actual) : null;
            lines.add(new ForecastView.Line(forecast.sku, Decimals.plain(forecast.quantity), forecast.assumptions,
                    forecast.submittedBy, forecast.submittedAt, Decimals.plain(actual), Decimals.plain(deviation),
                    closed ? bias(forecast.quantity, actual) : null));
        }
        List<ForecastView.Capacity> capacity = CapacityPlan.of(month).stream()
                .map(plan -> new ForecastView.Capacity(plan.workCenter, Decimals.plain(plan.hoursAvailable),
                        Decimals.plain(plan.hoursCommitted),
                        Decimals.plain(plan.hoursAvailable.subtract(plan.hoursCommitted))))
                .toList();
        return new ForecastView(month, closed, lines, capacity);
    }

    /** The accuracy of the forecasts of the closed months from..to (to is capped at the last closed month). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AccuracyView accuracy(YearMonth from, YearMonth to) {
        YearMonth lastClosed = YearMonth.now(clock).minusMonths(1);
        YearMonth until = to.isAfter(lastClosed) ? lastClosed : to;
        Map<String, List<AccuracyView.Month>> bySku = new LinkedHashMap<>();
        Map<YearMonth, Map<String, BigDecimal>> actuals = new LinkedHashMap<>();
        for (Forecast forecast : until.isBefore(from) ? List.<Forecast>of() : Forecast.between(from, until)) {
            YearMonth month = YearMonth.parse(forecast.month);
            BigDecimal actual = actuals.computeIfAbsent(month, this::actuals).getOrDefault(forecast.sku,
                    BigDecimal.ZERO);
            bySku.computeIfAbsent(forecast.sku, sku -> new ArrayList<>())
                    .add(new AccuracyView.Month(month, Decimals.plain(forecast.quantity), Decimals.plain(actual)));
        }
        List<AccuracyView.Product> products = new ArrayList<>();
        bySku.forEach((sku, months) -> {
            BigDecimal forecast = months.stream().map(AccuracyView.Month::forecast).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            BigDecimal actual = months.stream().map(AccuracyView.Month::actual).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            int over = (int) months.stream().filter(month -> month.forecast().compareTo(month.actual()) > 0).count();
            products.add(new AccuracyView.Product(sku, months.size(), Decimals.plain(forecast),
                    Decimals.plain(actual), bias(forecast, actual), over, over == months.size(), months));
        });
        return new AccuracyView(from, until, products);
    }

    private Map<String, BigDecimal> actuals(YearMonth month) {
        return Order.acceptedQuantities(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** (forecast − actual) as a percent of actual; null when nothing was ordered (no base to compare with). */
    private static BigDecimal bias(BigDecimal forecast, BigDecimal actual) {
        if (actual.signum() == 0) {
            return null;
        }
        return forecast.subtract(actual).multiply(HUNDRED).divide(actual, 2, RoundingMode.HALF_UP);
    }
}
