package org.ordercycle.returns.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.ordercycle.events.returns.TicketType;
import org.ordercycle.kit.api.ProblemException;

/** Technicians' training records: only someone trained and current for a ticket's type may take it. */
@ApplicationScoped
@Transactional
public class TrainingService {

    private final Clock clock;

    TrainingService(Clock clock) {
        this.clock = clock;
    }

    public TrainingView record(String technician, TrainingRequest request, String by) {
        if (technician.isBlank() || technician.length() > 100) {
            throw ProblemException.badRequest("id", "a technician's user name, 1 to 100 characters");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (request.completedOn().isAfter(today)) {
            throw ProblemException.unprocessable("Training not completed yet",
                    "completedOn " + request.completedOn() + " is after today");
        }
        if (request.validUntil().isBefore(request.completedOn())) {
            throw ProblemException.unprocessable("Valid before completed", "validUntil " + request.validUntil()
                    + " is before completedOn " + request.completedOn());
        }
        return TrainingView.from(Training.record(technician, request.ticketType(), request.what(),
                request.completedOn(), request.validUntil(), by, now), today);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TrainingView> of(String technician) {
        LocalDate today = LocalDate.now(clock);
        return Training.of(technician).stream().map(training -> TrainingView.from(training, today)).toList();
    }

    /** Whether the technician is trained for the type with a training valid on the day. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean currentFor(String technician, TicketType type, LocalDate day) {
        return Training.current(technician, type, day);
    }
}
