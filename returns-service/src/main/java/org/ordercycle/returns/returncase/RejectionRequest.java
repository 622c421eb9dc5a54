package org.ordercycle.returns.returncase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Rejecting a case must say why: the customer is told (ReturnRejected). */
public record RejectionRequest(@NotBlank @Size(max = 2000) String reason) {
}
