package org.ordercycle.events.sales;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.Money;

/**
 * The customer accepted a quote; the order it becomes follows as {@link OrderPlaced}.
 * Published by sales on {@code sales.quotes}, keyed by {@code quoteId}.
 *
 * @param total the accepted total, net of tax
 */
public record QuoteAccepted(UUID eventId, Instant occurredAt, UUID quoteId, UUID customerId, Money total)
        implements Event {
}
