package org.ordercycle.production.stock;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A correction of what is on hand: {@code difference} more (positive) or fewer (negative) than the books say, with
 * the reason. Goods found missing that were reserved are taken from the orders that held them (they wait again).
 */
public record AdjustmentRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}",
                message = "must be 1 to 64 letters, digits, dots, underscores or hyphens") String sku,
        @Pattern(regexp = "[A-Z0-9_-]{1,32}", message = "must be a warehouse code") String warehouse,
        @NotNull @DecimalMin("-1000000000") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 3)
        BigDecimal difference,
        @NotBlank @Size(max = 500) String reason) {
}
