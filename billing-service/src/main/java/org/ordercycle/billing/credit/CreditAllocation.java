package org.ordercycle.billing.credit;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The part of a customer's credit applied to one invoice. */
@Embeddable
public class CreditAllocation {

    public int position;
    public UUID invoiceId;
    public BigDecimal amount;
    public Instant appliedAt;

    static CreditAllocation of(int position, UUID invoiceId, BigDecimal amount, Instant appliedAt) {
        CreditAllocation allocation = new CreditAllocation();
        allocation.position = position;
        allocation.invoiceId = invoiceId;
        allocation.amount = amount;
        allocation.appliedAt = appliedAt;
        return allocation;
    }
}
