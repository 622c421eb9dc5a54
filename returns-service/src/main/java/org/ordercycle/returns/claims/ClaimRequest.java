package org.ordercycle.returns.claims;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.ordercycle.returns.returncase.Settlement;

/**
 * A claim without goods for an order: late delivery, missing part or service not as agreed, for an amount (gross,
 * in the order's currency), settled as the customer chooses (REFUND when absent).
 */
public record ClaimRequest(
        @NotNull UUID orderId,
        @NotNull ClaimType type,
        @NotBlank @Size(max = 2000) String description,
        @NotNull @Positive @DecimalMax("100000000") @Digits(integer = 11, fraction = 2) BigDecimal amount,
        Settlement settlement) {
}
