package org.ordercycle.returns;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.ordercycle.kit.api.ProblemException;

/** Dates in query parameters, read as text: a malformed one is a 400 naming it (JAX-RS would answer 404). */
public final class QueryDates {

    private QueryDates() {
    }

    public static LocalDate dateOr(String name, String value, LocalDate absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO date, e.g. 2026-12-01");
        }
    }
}
