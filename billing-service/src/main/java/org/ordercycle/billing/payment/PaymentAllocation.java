package org.ordercycle.billing.payment;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.UUID;

/** The part of a payment applied to one invoice. */
@Embeddable
public class PaymentAllocation {

    public int position;
    public UUID invoiceId;
    public BigDecimal amount;

    static PaymentAllocation of(int position, UUID invoiceId, BigDecimal amount) {
        PaymentAllocation allocation = new PaymentAllocation();
        allocation.position = position;
        allocation.invoiceId = invoiceId;
        allocation.amount = amount;
        return allocation;
    }
}
