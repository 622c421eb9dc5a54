package org.ordercycle.sales.price;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A SKU's price from a day on: net unit price before discount, its currency and the domestic tax rate in percent
 * (absent: the configured standard domestic rate, {@code sales.tax.domestic-rate}).
 */
public record PriceRequest(
        @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 4) BigDecimal unitPrice,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency,
        @PositiveOrZero @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal taxRate,
        @NotNull LocalDate validFrom) {
}
