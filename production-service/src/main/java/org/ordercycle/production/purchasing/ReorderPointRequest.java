package org.ordercycle.production.purchasing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.UUID;

public record ReorderPointRequest(
        @NotNull @PositiveOrZero @DecimalMax("1000000000") @Digits(integer = 10, fraction = 3) BigDecimal reorderPoint,
        @NotNull @Positive @DecimalMax("1000000000") @Digits(integer = 10, fraction = 3) BigDecimal reorderQuantity,
        UUID supplierId) {
}
