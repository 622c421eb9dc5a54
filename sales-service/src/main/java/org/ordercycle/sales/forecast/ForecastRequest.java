package org.ordercycle.sales.forecast;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.YearMonth;

/** Expected demand of a product in a month (this month or later), with the assumptions behind it. */
public record ForecastRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}",
                message = "must be 1 to 64 letters, digits, dots, underscores or hyphens") String sku,
        @NotNull YearMonth month,
        @NotNull @PositiveOrZero @DecimalMax("1000000000") @Digits(integer = 10, fraction = 3) BigDecimal quantity,
        @Size(max = 2000) String assumptions) {
}
