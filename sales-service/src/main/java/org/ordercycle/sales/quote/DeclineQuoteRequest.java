package org.ordercycle.sales.quote;

import jakarta.validation.constraints.Size;

/** The customer declined the quote; the reason is optional (the customer may give none). */
public record DeclineQuoteRequest(@Size(max = 500) String reason) {
}
