package org.ordercycle.sales.order;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Asks production to finish an accepted order by the wanted date. */
public record ExpediteRequest(@NotNull LocalDate wantedDate, @Size(max = 500) String reason) {
}
