package org.ordercycle.production.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * Introduces a product or changes one: name, what one unit costs production, lead time in days; and how it is made —
 * make-to-stock (the default) or make-to-order on a work center, taking so many hours per unit.
 */
public record ProductRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Valid Cost unitCost,
        @NotNull @Min(0) @Max(3650) Integer leadTimeDays,
        ProductMode mode,
        @Pattern(regexp = "[A-Z0-9_-]{1,32}", message = "must be a work center code") String workCenter,
        @DecimalMin("0") @DecimalMax("10000") @Digits(integer = 5, fraction = 4) BigDecimal hoursPerUnit) {

    public ProductMode modeOrDefault() {
        return mode == null ? ProductMode.MAKE_TO_STOCK : mode;
    }

    public record Cost(
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency) {
    }
}
