package org.ordercycle.returns.tickets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.ordercycle.events.returns.TicketType;

/** A ticket for an order (its customer follows from it) or for a customer; NORMAL priority when absent. */
public record TicketRequest(
        @NotNull TicketType type,
        TicketPriority priority,
        UUID orderId,
        UUID customerId,
        @NotBlank @Size(max = 300) String subject,
        @Size(max = 4000) String description) {
}
