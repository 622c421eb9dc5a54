package org.ordercycle.contact.condition;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The condition's last day (inclusive); the day before it starts withdraws it. */
public record EndConditionRequest(@NotNull LocalDate validTo) {
}
