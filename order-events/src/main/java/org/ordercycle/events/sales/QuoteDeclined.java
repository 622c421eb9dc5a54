package org.ordercycle.events.sales;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.Money;
import org.ordercycle.events.OptionalField;

/**
 * The customer declined a quote (or let it expire), with the reason sales recorded.
 * Published by sales on {@code sales.quotes}, keyed by {@code quoteId}.
 *
 * @param total  the declined total, net of tax: lost business the CRM shows
 * @param reason the customer's reason, when one was given
 */
public record QuoteDeclined(UUID eventId, Instant occurredAt, UUID quoteId, UUID customerId, Money total,
        @OptionalField String reason) implements Event {
}
