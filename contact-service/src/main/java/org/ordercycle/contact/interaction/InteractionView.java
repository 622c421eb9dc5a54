package org.ordercycle.contact.interaction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record InteractionView(UUID id, UUID organizationId, UUID personId, InteractionKind kind, Instant occurredAt,
        String subject, String notes, String agreed, List<String> participants, Instant recordedAt,
        String recordedBy) {

    static InteractionView from(Interaction interaction) {
        return new InteractionView(interaction.id, interaction.organizationId, interaction.personId, interaction.kind,
                interaction.occurredAt, interaction.subject, interaction.notes, interaction.agreed,
                List.of(interaction.participants), interaction.recordedAt, interaction.recordedBy);
    }
}
