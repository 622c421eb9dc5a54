package org.ordercycle.production.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** The schedule changes of a month (or of all months), with their count per month. */
public record ScheduleChangeView(List<Month> months, List<Change> changes) {

    public record Month(YearMonth month, long changes) {
    }

    public record Change(UUID id, UUID orderId, LocalDate previousCompletion, LocalDate plannedCompletion,
            long daysMoved, String reason, Instant changedAt) {

        static Change from(ScheduleChange change) {
            return new Change(change.id, change.orderId, change.previousCompletion, change.plannedCompletion,
                    java.time.temporal.ChronoUnit.DAYS.between(change.previousCompletion, change.plannedCompletion),
                    change.reason, change.changedAt);
        }
    }
}
