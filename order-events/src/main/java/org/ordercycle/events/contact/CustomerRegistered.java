package org.ordercycle.events.contact;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Address;
import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;

/**
 * A customer became known to the company: the full snapshot of what other departments need to
 * know about it.
 * Published by contact on {@code contact.customers}, keyed by {@code customerId}.
 *
 * @param tier           importance of the customer as contact segments it (e.g. {@code A}, {@code B},
 *                       {@code C}); the selection policy weighs orders by it
 * @param accountOwner   user name of the employee who owns the relationship and gets the call; absent until
 *                       one is assigned
 * @param currency       ISO-4217 code the customer is quoted and invoiced in
 * @param billingAddress absent until contact knows it, as are {@code email} and {@code phone}
 * @param vatId the customer's VAT identification number, once contact knows it
 */
public record CustomerRegistered(UUID eventId, Instant occurredAt, UUID customerId, CustomerKind kind, String name,
        Classification classification, String tier, @OptionalField String accountOwner, Conditions conditions,
        String currency, @OptionalField Address billingAddress, @OptionalField String email,
        @OptionalField String phone, @OptionalField String vatId) implements Event {
}
