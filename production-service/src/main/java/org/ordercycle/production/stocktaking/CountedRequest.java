package org.ordercycle.production.stocktaking;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** This much of a product was found on the shelves. */
public record CountedRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}",
                message = "must be 1 to 64 letters, digits, dots, underscores or hyphens") String sku,
        @NotNull @PositiveOrZero @DecimalMax("1000000000") @Digits(integer = 10, fraction = 3) BigDecimal counted) {
}
