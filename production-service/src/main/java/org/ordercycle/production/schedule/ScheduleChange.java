package org.ordercycle.production.schedule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An order's planned completion moved: recorded, because schedule changes cost money and must be visible. */
@Entity
public class ScheduleChange extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID orderId;

    public LocalDate previousCompletion;

    public LocalDate plannedCompletion;

    public String reason;

    public Instant changedAt;

    static ScheduleChange record(UUID orderId, LocalDate previous, LocalDate planned, String reason, Instant at) {
        ScheduleChange change = new ScheduleChange();
        change.id = UUID.randomUUID();
        change.orderId = orderId;
        change.previousCompletion = previous;
        change.plannedCompletion = planned;
        change.reason = reason;
        change.changedAt = at;
        change.persist();
        return change;
    }
}
