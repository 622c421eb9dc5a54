package org.ordercycle.returns.training;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.ordercycle.events.returns.TicketType;

/** A training the technician completed for a kind of ticket, and until when it counts. */
public record TrainingRequest(
        @NotNull TicketType ticketType,
        @NotBlank @Size(max = 500) String what,
        @NotNull LocalDate completedOn,
        @NotNull LocalDate validUntil) {
}
