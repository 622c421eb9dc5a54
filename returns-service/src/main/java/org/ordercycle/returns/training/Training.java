package org.ordercycle.returns.training;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.returns.TicketType;

/** A technician was trained for one kind of ticket: what, when, and until when it counts. */
@Entity
@Table(name = "training_record")
public class Training extends PanacheEntityBase {

    @Id
    public UUID id;

    public String technician;

    @Enumerated(EnumType.STRING)
    public TicketType ticketType;

    public String what;

    public LocalDate completedOn;

    public LocalDate validUntil;

    public String recordedBy;

    public Instant recordedAt;

    static Training record(String technician, TicketType type, String what, LocalDate completedOn,
            LocalDate validUntil, String by, Instant now) {
        Training training = new Training();
        training.id = UUID.randomUUID();
        training.technician = technician;
        training.ticketType = type;
        training.what = what;
        training.completedOn = completedOn;
        training.validUntil = validUntil;
        training.recordedBy = by;
        training.recordedAt = now;
        training.persist();
        return training;
    }

    static List<Training> of(String technician) {
        return list("technician = ?1 order by completedOn desc, id", technician);
    }

    /** Whether the technician holds a training for the type that is valid on the day. */
    static boolean current(String technician, TicketType type, LocalDate day) {
        return count("technician = ?1 and ticketType = ?2 and completedOn <= ?3 and validUntil >= ?3", technician,
                type, day) > 0;
    }

    boolean validOn(LocalDate day) {
        return !completedOn.isAfter(day) && !validUntil.isBefore(day);
    }
}
