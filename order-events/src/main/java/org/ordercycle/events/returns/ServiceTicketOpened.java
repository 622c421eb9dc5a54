package org.ordercycle.events.returns;

import java.time.Instant;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.OptionalField;

/**
 * A customer needs post-sales service (installation, repair, maintenance, training); the account owner
 * who knows the customer is linked to the ticket.
 * Published by returns on {@code returns.service}, keyed by {@code customerId}.
 *
 * @param orderId      the order the service is for; absent when it concerns no single order
 * @param accountOwner user name of the customer's account owner; absent while the customer has none
 * @param salesperson  user name of the order's salesperson; absent for a ticket without an order
 * @param slaDue       the moment the service level agreement requires the ticket closed
 */
public record ServiceTicketOpened(UUID eventId, Instant occurredAt, UUID ticketId, UUID customerId,
        @OptionalField UUID orderId, TicketType type, @OptionalField String accountOwner, Instant slaDue,
        @OptionalField String salesperson)
        implements Event {
}
