package org.ordercycle.contact.condition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Special conditions for a period; each field left out keeps the customer's base value while it is valid.
 *
 * @param validFrom first day it applies
 * @param validTo   last day it applies (inclusive); open-ended when absent
 */
public record ConditionRequest(
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
        @Min(0) @Max(365) Integer paymentTermDays,
        @Valid MoneyRequest creditLimit,
        @Size(max = 50) @Pattern(regexp = "[A-Z0-9_-]+", message = "must be a price list code such as WHOLESALE") String priceList,
        @Size(max = 2000) String particularities,
        @NotNull LocalDate validFrom,
        LocalDate validTo) {

    public record MoneyRequest(
            @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency) {
    }

    @JsonIgnore
    @AssertTrue(message = "validTo must not be before validFrom")
    public boolean isPeriod() {
        return validFrom == null || validTo == null || !validTo.isBefore(validFrom);
    }
}
