package org.ordercycle.billing.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Money a customer paid, as billing applied it; what the allocations leave over is the customer's credit. */
@Entity
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID customerId;

    public BigDecimal amount;

    @Column(columnDefinition = "char(3)")
    public String currency;

    public BigDecimal unallocated;

    public Instant receivedAt;

    public String receivedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "payment_allocation", joinColumns = @JoinColumn(name = "payment_id"))
    @OrderBy("position")
    public List<PaymentAllocation> allocations = new ArrayList<>();

    static Payment receive(UUID customerId, BigDecimal amount, String currency, Map<UUID, BigDecimal> allocations,
            String by, Instant now) {
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.customerId = customerId;
        payment.amount = amount;
        payment.currency = currency;
        BigDecimal allocated = BigDecimal.ZERO;
        for (Map.Entry<UUID, BigDecimal> allocation : allocations.entrySet()) {
            payment.allocations.add(PaymentAllocation.of(payment.allocations.size() + 1, allocation.getKey(),
                    allocation.getValue()));
            allocated = allocated.add(allocation.getValue());
        }
        payment.unallocated = amount.subtract(allocated);
        payment.receivedBy = by;
        payment.receivedAt = now;
        payment.persist();
        return payment;
    }

    /** The customer's credit: what its payments left unallocated. */
    static BigDecimal creditOf(UUID customerId) {
        BigDecimal credit = find("select coalesce(sum(unallocated), 0) from Payment where customerId = ?1", customerId)
                .project(BigDecimal.class).firstResult();
        return credit.setScale(2);
    }
}
