package org.ordercycle.returns.returncase;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.ordercycle.events.returns.ItemCondition;

/** The returned goods arrived: what inspection found for each authorized line, every one named once. */
public record ReceiptRequest(
        @NotEmpty @Size(max = 500) @JsonSetter(contentNulls = Nulls.FAIL) List<@Valid Line> lines) {

    public record Line(@NotNull @Positive Integer lineNo, @NotNull ItemCondition condition) {
    }
}
