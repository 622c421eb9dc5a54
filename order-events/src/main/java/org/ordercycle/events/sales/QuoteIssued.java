package org.ordercycle.events.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.Money;

/**
 * Sales sent a customer a priced quote.
 * Published by sales on {@code sales.quotes}, keyed by {@code quoteId}.
 *
 * @param total      the quoted total, net of tax
 * @param validUntil last day the customer can accept at these prices
 */
public record QuoteIssued(UUID eventId, Instant occurredAt, UUID quoteId, UUID customerId, Money total,
        LocalDate validUntil) implements Event {
}
