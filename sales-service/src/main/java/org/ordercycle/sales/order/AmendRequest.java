package org.ordercycle.sales.order;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Changes an accepted order before it has shipped completely: new quantities for some lines (by line number) and/or
 * a new requested date (absent: unchanged). Prices stay as agreed.
 */
public record AmendRequest(
        @Size(max = 500) @JsonSetter(contentNulls = Nulls.FAIL) List<@Valid Line> lines,
        LocalDate requestedDate,
        @Size(max = 500) String reason) {

    public record Line(
            @Positive int lineNo,
            @NotNull @Positive @DecimalMax("1000000") @Digits(integer = 7, fraction = 3) BigDecimal quantity) {
    }
}
