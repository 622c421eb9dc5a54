package org.ordercycle.contact.interaction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A contact with a customer — with the organization, a person of it, or both — as whoever had it logged it. */
@Entity
public class Interaction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    public UUID organizationId;

    public UUID personId;

    @Enumerated(EnumType.STRING)
    public InteractionKind kind;

    public Instant occurredAt;

    public String subject;

    public String notes;

    /** What was agreed, if anything. */
    public String agreed;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] participants;

    public Instant recordedAt;

    public String recordedBy;

    static Interaction log(InteractionRequest request, Instant at, String by) {
        Interaction interaction = new Interaction();
        interaction.id = UUID.randomUUID();
        interaction.organizationId = request.organizationId();
        interaction.personId = request.personId();
        interaction.kind = request.kind();
        interaction.occurredAt = request.occurredAt() == null ? at : request.occurredAt();
        interaction.subject = request.subject().strip();
        interaction.notes = request.notes();
        interaction.agreed = request.agreed();
        interaction.participants = request.participants() == null ? new String[0]
                : request.participants().stream().map(String::strip).toArray(String[]::new);
        interaction.recordedAt = at;
        interaction.recordedBy = by;
        return interaction;
    }

    /** The party's interactions (as organization or as person), newest first. */
    static List<Interaction> with(UUID partyId) {
        return list("organizationId = ?1 or personId = ?1 order by occurredAt desc, seq desc", partyId);
    }
}
