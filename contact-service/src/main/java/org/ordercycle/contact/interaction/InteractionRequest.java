package org.ordercycle.contact.interaction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contact to log: with the organization, the person, or both (at least one).
 *
 * @param occurredAt   when it happened; absent: now
 * @param participants who took part (user names of own staff, names of the customer's people)
 * @param agreed       what was agreed, if anything
 */
public record InteractionRequest(
        UUID organizationId,
        UUID personId,
        @NotNull InteractionKind kind,
        Instant occurredAt,
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 10_000) String notes,
        @Size(max = 10_000) String agreed,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> participants) {

    @JsonIgnore
    @AssertTrue(message = "name the organization, the person or both")
    public boolean isWithSomebody() {
        return organizationId != null || personId != null;
    }
}
