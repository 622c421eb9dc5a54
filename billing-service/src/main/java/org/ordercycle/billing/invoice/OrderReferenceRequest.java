package org.ordercycle.billing.invoice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The customer's purchase-order reference for an order (printed as BT-13 on its invoices). */
public record OrderReferenceRequest(@NotBlank @Size(max = 100) String poReference) {
}
