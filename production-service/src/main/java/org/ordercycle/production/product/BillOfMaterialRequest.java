package org.ordercycle.production.product;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** The whole bill of material of a product (replaces the one before): what one unit is made of. */
public record BillOfMaterialRequest(
        @NotNull @Size(max = 200) @JsonSetter(contentNulls = Nulls.FAIL) List<@Valid Component> components) {

    public record Component(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be a SKU") String sku,
            @NotNull @Positive @DecimalMax("1000000") @Digits(integer = 7, fraction = 4) BigDecimal quantity) {
    }
}
