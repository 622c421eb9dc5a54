package org.ordercycle.production.purchasing;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Goods came in against a purchase order; incoming inspection accepted some and rejected the rest. */
public record GoodsReceiptRequest(
        @NotEmpty @Size(max = 200) @JsonSetter(contentNulls = Nulls.FAIL) List<@Valid Line> lines) {

    public record Line(
            @NotNull @Positive Integer lineNo,
            @NotNull @PositiveOrZero @DecimalMax("1000000000") @Digits(integer = 10, fraction = 3) BigDecimal accepted,
            @NotNull @PositiveOrZero @DecimalMax("1000000000") @Digits(integer = 10, fraction = 3) BigDecimal rejected) {
    }
}
