package org.ordercycle.returns.tickets;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The requests that move a ticket on. */
public final class TicketCommands {

    private TicketCommands() {
    }

    /** Give the ticket to a technician (user name) trained and current for its type. */
    public record Assign(@NotBlank @Size(max = 100) String technician) {
    }

    /** An on-site visit: who, which day, how long (minutes). */
    public record Visit(@NotBlank @Size(max = 100) String technician, @NotNull LocalDate date,
            @NotNull @Positive @Max(24 * 60) Integer durationMinutes, @Size(max = 4000) String note) {
    }

    /** How a playbook step went; a departure needs a note saying how and why. */
    public record StepRecord(@NotNull @Positive Integer stepNo, @NotNull StepOutcome outcome,
            @Size(max = 2000) String answer, @Size(max = 4000) String note) {
    }

    /** Closing: what was done and the debrief, what was learnt about the customer's needs. */
    public record Close(@NotBlank @Size(max = 4000) String resolution, @NotBlank @Size(max = 8000) String learnings) {
    }
}
