package org.ordercycle.returns.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ordercycle.events.returns.TicketType;

/** A training record; {@code current}: valid today. */
public record TrainingView(UUID id, String technician, TicketType ticketType, String what, LocalDate completedOn,
        LocalDate validUntil, boolean current, String recordedBy, Instant recordedAt) {

    static TrainingView from(Training training, LocalDate today) {
        return new TrainingView(training.id, training.technician, training.ticketType, training.what,
                training.completedOn, training.validUntil, training.validOn(today), training.recordedBy,
                training.recordedAt);
    }
}
