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
import org.ordercycle.events.returns.ItemCondition;

/**
 * The returned goods arrived: what inspection found for each authorized line, every one named once, and what
 * follows from it ({@code resolution}, FULL_REFUND when absent): a partial refund names its {@code refundAmount}
 * (gross) and {@code refundReason}, no refund its {@code refundReason}.
 */
public record ReceiptRequest(
        @NotEmpty @Size(max = 500) @JsonSetter(contentNulls = Nulls.FAIL) List<@Valid Line> lines,
        Resolution resolution,
        @Positive @DecimalMax("100000000") @Digits(integer = 11, fraction = 2) BigDecimal refundAmount,
        @Size(max = 2000) String refundReason) {

    public record Line(@NotNull @Positive Integer lineNo, @NotNull ItemCondition condition) {
    }

    Resolution decided() {
        return resolution == null ? Resolution.FULL_REFUND : resolution;
    }
}
