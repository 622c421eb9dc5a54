package org.ordercycle.contact.person;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The last day (inclusive). */
public record EndRequest(@NotNull LocalDate validTo) {
}
