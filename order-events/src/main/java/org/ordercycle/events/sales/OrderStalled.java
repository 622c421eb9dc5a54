package org.ordercycle.events.sales;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * An order has sat in one state longer than that state's limit: no order is ever left unattended.
 * Published by sales on {@code sales.orders}, keyed by {@code orderId}.
 *
 * @param state the order's state in sales, e.g. {@code AWAITING_DECISION}
 * @param since when the order entered that state
 * @param limit how long it may stay there, ISO-8601 duration, e.g. {@code PT48H}
 * @param owner user name of the person who should act now
 */
public record OrderStalled(UUID eventId, Instant occurredAt, UUID orderId, String state, Instant since,
        Duration limit, String owner) implements Event {
}
