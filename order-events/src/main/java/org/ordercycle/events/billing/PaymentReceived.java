package org.ordercycle.events.billing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;
import org.ordercycle.events.Money;

/**
 * A customer's payment arrived and billing applied it to open invoices.
 * Published by billing on {@code billing.payments}, keyed by {@code customerId}.
 *
 * @param amount      the whole payment; what the allocations leave over is the customer's credit
 * @param allocations how the payment was applied, invoice by invoice
 * @param by user name of the person who acted, when a person did
 */
public record PaymentReceived(UUID eventId, Instant occurredAt, UUID paymentId, UUID customerId, Money amount,
        List<Allocation> allocations, @OptionalField String by) implements Event {
}
