package org.ordercycle.events.contact;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;

/**
 * A customer's personal data was erased (right to erasure): every department drops the personal data it
 * copied; business records (orders, invoices) stay, pointing at the bare id.
 * Published by contact on {@code contact.customers}, keyed by {@code customerId}.
 */
public record CustomerErased(UUID eventId, Instant occurredAt, UUID customerId) implements Event {
}
