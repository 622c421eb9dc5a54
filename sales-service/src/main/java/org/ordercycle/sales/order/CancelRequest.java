package org.ordercycle.sales.order;

import jakarta.validation.constraints.Size;

/** Cancels an order that has not shipped; the reason is optional. */
public record CancelRequest(@Size(max = 500) String reason) {
}
