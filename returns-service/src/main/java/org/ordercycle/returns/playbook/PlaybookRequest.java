package org.ordercycle.returns.playbook;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A playbook's steps in order, each numbered once, with the answer the company expects. */
public record PlaybookRequest(
        @NotEmpty @Size(max = 100) @JsonSetter(contentNulls = Nulls.FAIL) List<@Valid Step> steps) {

    public record Step(@NotNull @Positive Integer stepNo, @NotBlank @Size(max = 1000) String instruction,
            @Size(max = 1000) String expectedAnswer) {
    }
}
