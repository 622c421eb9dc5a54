package org.ordercycle.billing.refund;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The money paid back for one return: the sum of its credit notes. One per return. */
@Entity
public class Refund extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID returnId;

    public UUID orderId;

    public UUID customerId;

    public BigDecimal amount;

    @Column(columnDefinition = "char(3)")
    public String currency;

    public Instant paidAt;

    /** REFUND: paid back to the original payment means; CREDIT: kept as the customer's credit. */
    public String settlement;

    public String reason;

    static Refund pay(UUID returnId, UUID orderId, UUID customerId, BigDecimal amount, String currency,
            String settlement, String reason, Instant now) {
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.returnId = returnId;
        refund.orderId = orderId;
        refund.customerId = customerId;
        refund.amount = amount;
        refund.currency = currency;
        refund.paidAt = now;
        refund.settlement = settlement;
        refund.reason = reason;
        refund.persist();
        return refund;
    }
}
