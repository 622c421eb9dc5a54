package org.ordercycle.events.billing;

import java.util.UUID;

import org.ordercycle.events.Money;

/** The part of a payment billing applied to one invoice. */
public record Allocation(UUID invoiceId, Money amount) {
}
