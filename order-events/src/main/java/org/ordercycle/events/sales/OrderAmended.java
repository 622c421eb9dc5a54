package org.ordercycle.events.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;

/**
 * An accepted order was changed before it shipped: the lines, prices and promised date below replace those of the
 * {@link OrderAccepted} (and of any earlier amendment) as a whole — a snapshot, never a difference. Production
 * reserves for the new lines, billing invoices at the new prices from here on.
 * Published by sales on {@code sales.orders}, keyed by {@code orderId}.
 *
 * @param lines        every agreed line of the order after the change, prices always set
 * @param currency     ISO-4217 code of the agreed prices (unchanged from the acceptance)
 * @param promisedDate the delivery date promised now
 * @param reason       why, when one was given
 * @param by           user name of the person who changed the order, when a person did
 */
public record OrderAmended(UUID eventId, Instant occurredAt, UUID orderId, UUID customerId, List<OrderLine> lines,
        String currency, LocalDate promisedDate, @OptionalField String reason, @OptionalField String by)
        implements Event {
}
