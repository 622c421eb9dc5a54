package org.ordercycle.sales.quote;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * What sales clarified with the customer before an order: the objective, the requirements on quality, efficiency,
 * security and reliability, the acceptance criteria, support and after-sales expectations, constraints and budget.
 * Every field may be filled in step by step; a quote becomes an order only once the clarification is complete and
 * confirmed.
 */
public record ClarificationRequest(
        @Size(max = 2000) String objective,
        @Valid Requirements requirements,
        @Size(max = 50) @JsonSetter(contentNulls = Nulls.FAIL) List<@NotBlank @Size(max = 500) String> acceptanceCriteria,
        @Size(max = 2000) String supportExpectations,
        @Size(max = 2000) String constraints,
        @Valid Budget budget) {

    public record Requirements(@Size(max = 2000) String quality, @Size(max = 2000) String efficiency,
            @Size(max = 2000) String security, @Size(max = 2000) String reliability) {
    }

    public record Budget(@NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency) {
    }
}
