package org.ordercycle.production.purchasing;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Orders goods from a supplier, into a warehouse (the default one if none). */
public record PurchaseOrderRequest(
        @NotNull UUID supplierId,
        @Pattern(regexp = "[A-Z0-9_-]{1,32}", message = "must be a warehouse code") String warehouse,
        @NotEmpty @Size(max = 200) @JsonSetter(contentNulls = Nulls.FAIL) List<@Valid Line> lines) {

    public record Line(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be a SKU") String sku,
            @NotNull @Positive @DecimalMax("1000000000") @Digits(integer = 10, fraction = 3) BigDecimal quantity) {
    }
}
