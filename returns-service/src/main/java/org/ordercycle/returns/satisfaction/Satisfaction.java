package org.ordercycle.returns.satisfaction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.ordercycle.events.returns.SatisfactionRecorded.AboutKind;

/** The customer's rating of a return or a ticket, once per subject. */
@Entity
public class Satisfaction extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID about;

    @Enumerated(EnumType.STRING)
    public AboutKind aboutKind;

    public UUID customerId;

    public int score;

    public String comment;

    public String recordedBy;

    public Instant recordedAt;

    static Satisfaction record(UUID about, AboutKind kind, UUID customerId, int score, String comment, String by,
            Instant now) {
        Satisfaction satisfaction = new Satisfaction();
        satisfaction.id = UUID.randomUUID();
        satisfaction.about = about;
        satisfaction.aboutKind = kind;
        satisfaction.customerId = customerId;
        satisfaction.score = score;
        satisfaction.comment = comment;
        satisfaction.recordedBy = by;
        satisfaction.recordedAt = now;
        satisfaction.persist();
        return satisfaction;
    }

    static boolean recorded(UUID about) {
        return count("about", about) > 0;
    }
}
