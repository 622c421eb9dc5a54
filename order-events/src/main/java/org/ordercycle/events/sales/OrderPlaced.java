package org.ordercycle.events.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;
import org.ordercycle.events.contact.Classification;

/**
 * A customer placed an order; it is entered but not yet accepted.
 * Published by sales on {@code sales.orders}, keyed by {@code orderId}.
 *
 * @param currency       ISO-4217 code of the order's prices
 * @param requestedDate  the delivery date the customer asked for; absent when the customer named none
 * @param classification copied from the customer: internal orders are flagged and priced by internal rules
 * @param salesperson    user name of the salesperson who owns the order
 * @param quoteId        the quote the order came from, when it came from one
 * @param originalOrderId the order this one replaces (a replacement after a return or complaint)
 */
public record OrderPlaced(UUID eventId, Instant occurredAt, UUID orderId, UUID customerId, List<OrderLine> lines,
        String currency, @OptionalField LocalDate requestedDate, Classification classification, String salesperson,
        @OptionalField UUID quoteId, @OptionalField UUID originalOrderId)
        implements Event {
}
