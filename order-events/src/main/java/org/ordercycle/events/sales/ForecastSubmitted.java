package org.ordercycle.events.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;

/**
 * Sales' demand forecast for one product and month, with the assumptions behind it so production sees them.
 * A later forecast for the same sku and month replaces the earlier one.
 * Published by sales on {@code sales.forecasts}, keyed by {@code sku}.
 *
 * @param quantity    expected demand in the product's unit
 * @param assumptions free text: campaigns, known customer plans, seasonality; absent when none are noted
 */
public record ForecastSubmitted(UUID eventId, Instant occurredAt, String sku, YearMonth month, BigDecimal quantity,
        @OptionalField String assumptions) implements Event {
}
