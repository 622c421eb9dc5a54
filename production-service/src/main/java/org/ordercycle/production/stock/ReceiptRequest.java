package org.ordercycle.production.stock;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** A goods receipt: this many units of this product came in, into this warehouse (the default one if none). */
public record ReceiptRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}",
                message = "must be 1 to 64 letters, digits, dots, underscores or hyphens") String sku,
        @NotNull @Positive @DecimalMax("1000000000") @Digits(integer = 10, fraction = 3) BigDecimal quantity,
        @Pattern(regexp = "[A-Z0-9_-]{1,32}", message = "must be a warehouse code") String warehouse) {
}
