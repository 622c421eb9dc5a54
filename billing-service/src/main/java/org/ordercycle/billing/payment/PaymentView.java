package org.ordercycle.billing.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.Money;

/** A payment and how billing applied it; {@code credit} is what was left over for the customer. */
public record PaymentView(UUID id, UUID customerId, Money amount, List<Allocation> allocations, Money credit,
        Instant receivedAt, String by) {

    public record Allocation(UUID invoiceId, BigDecimal amount) {
    }

    static PaymentView from(Payment payment) {
        return new PaymentView(payment.id, payment.customerId, new Money(payment.amount, payment.currency),
                payment.allocations.stream().map(a -> new Allocation(a.invoiceId, a.amount)).toList(),
                new Money(payment.unallocated, payment.currency), payment.receivedAt, payment.receivedBy);
    }
}
