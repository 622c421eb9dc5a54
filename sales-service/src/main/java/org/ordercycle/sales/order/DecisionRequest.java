package org.ordercycle.sales.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A sales manager's decision on a queued or held order: the reason is required, it is audited. */
public record DecisionRequest(@NotBlank @Size(max = 500) String reason) {
}
