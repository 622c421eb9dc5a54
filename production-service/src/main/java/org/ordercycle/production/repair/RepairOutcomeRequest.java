package org.ordercycle.production.repair;

import jakarta.validation.constraints.NotNull;

/** What the workshop made of it: {@code REPAIRED} (back to stock) or {@code SCRAPPED} (written off). */
public record RepairOutcomeRequest(@NotNull RepairStatus outcome) {
}
