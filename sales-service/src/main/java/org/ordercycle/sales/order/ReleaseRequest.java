package org.ordercycle.sales.order;

import jakarta.validation.constraints.Size;

/** Releases an order from hold; the reason is optional. */
public record ReleaseRequest(@Size(max = 500) String reason) {
}
