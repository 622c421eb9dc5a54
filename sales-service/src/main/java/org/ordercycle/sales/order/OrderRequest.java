package org.ordercycle.sales.order;

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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Places an order for a customer sales knows. The requested delivery date is optional and may not lie in the past;
 * every line is priced from the price list in force and the customer's discount.
 */
public record OrderRequest(
        @NotNull UUID customerId,
        // A null line is refused while reading, so that the problem names it lines[i].
        @NotEmpty @Size(max = 500) @JsonSetter(contentNulls = Nulls.FAIL) List<@Valid Line> lines,
        LocalDate requestedDate) {

    public record Line(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}",
                    message = "must be 1 to 64 letters, digits, dots, underscores or hyphens") String sku,
            @NotNull @Positive @DecimalMax("1000000") @Digits(integer = 7, fraction = 3) BigDecimal quantity) {
    }
}
