package org.ordercycle.billing.payment;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A customer's payment. The caller's allocations are applied first, the rest goes to the customer's oldest open
 * invoices; what is left over is the customer's credit.
 */
public record PaymentRequest(
        @NotNull UUID customerId,
        @NotNull @Valid Amount amount,
        @Size(max = 500) @JsonSetter(contentNulls = Nulls.FAIL) List<@Valid AllocationRequest> allocations) {

    public record Amount(
            @NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code") String currency) {
    }

    public record AllocationRequest(
            @NotNull UUID invoiceId,
            @NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal amount) {
    }

    List<AllocationRequest> allocationsOrNone() {
        return allocations == null ? List.of() : allocations;
    }
}
