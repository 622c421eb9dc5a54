package org.ordercycle.sales.quote;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordercycle.sales.order.OrderRequest;

/** Quotes lines to a customer sales knows; the clarification may come now or later. */
public record QuoteRequest(
        @NotNull UUID customerId,
        @NotEmpty @Size(max = 500) @JsonSetter(contentNulls = Nulls.FAIL) List<OrderRequest.@Valid Line> lines,
        LocalDate requestedDate,
        @Valid ClarificationRequest clarification) {
}
