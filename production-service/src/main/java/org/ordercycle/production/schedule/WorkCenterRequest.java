package org.ordercycle.production.schedule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Opens a work center or changes it: default hours a day, overtime it can add a day and what an hour of it costs. */
public record WorkCenterRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @DecimalMin("0") @DecimalMax("24") @Digits(integer = 2, fraction = 2) BigDecimal hoursPerDay,
        @DecimalMin("0") @DecimalMax("24") @Digits(integer = 2, fraction = 2) BigDecimal overtimeHoursPerDay,
        @Valid Rate overtimeRate) {

    public record Rate(
            @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency) {
    }
}
