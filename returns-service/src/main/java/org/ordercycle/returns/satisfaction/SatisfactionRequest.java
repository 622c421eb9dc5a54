package org.ordercycle.returns.satisfaction;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The customer's rating (1 very unhappy … 5 very happy) and words about a return (RETURN) or a ticket (TICKET). */
public record SatisfactionRequest(
        @NotNull Subject aboutKind,
        @NotNull UUID about,
        @NotNull @Min(1) @Max(5) Integer score,
        @Size(max = 4000) String comment) {

    public enum Subject {
        RETURN,
        TICKET
    }
}
