package org.ordercycle.returns.returncase;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Asks to return so much of some lines of an order; each order line at most once. {@code reasonCode} names the
 * reason; without it the words of {@code reason} decide ("damaged in transit" is DAMAGED), else the configured
 * default. {@code settlement}: how the customer wants the money (REFUND when absent).
 */
public record ReturnRequest(
        @NotNull UUID orderId,
        // A null line is refused while reading, so that the problem names it lines[i].
        @NotEmpty @Size(max = 500) @JsonSetter(contentNulls = Nulls.FAIL) List<@Valid Line> lines,
        @Size(max = 2000) String reason,
        CaseReason reasonCode,
        Settlement settlement) {

    public record Line(
            @NotNull @Positive Integer lineNo,
            @NotNull @Positive @DecimalMax("1000000") @Digits(integer = 7, fraction = 3) BigDecimal quantity) {
    }
}
