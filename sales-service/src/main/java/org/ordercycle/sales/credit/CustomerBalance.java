package org.ordercycle.sales.credit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What a customer owes, as billing's events tell it: every invoice adds its gross, every payment allocation and
 * credit note subtracts its amount. Billing owns the open items; this is sales' running copy for the credit check.
 */
@Entity
@Table(name = "customer_balance")
public class CustomerBalance extends PanacheEntityBase {

    @Id
    public UUID customerId;

    @Column(columnDefinition = "char(3)")
    public String currency;

    public BigDecimal openAmount;

    public Instant updatedAt;

    /** Adds (invoice) or subtracts (payment, credit note) an amount. */
    static void change(UUID customerId, BigDecimal amount, String currency, Instant at) {
        CustomerBalance balance = findById(customerId, LockModeType.PESSIMISTIC_WRITE);
        if (balance == null) {
            balance = new CustomerBalance();
            balance.customerId = customerId;
            balance.currency = currency;
            balance.openAmount = BigDecimal.ZERO;
            balance.updatedAt = at;
            balance.persist();
        }
        balance.openAmount = balance.openAmount.add(amount);
        balance.updatedAt = at;
    }

    public static BigDecimal openAmountOf(UUID customerId) {
        CustomerBalance balance = findById(customerId);
        return balance == null ? BigDecimal.ZERO : balance.openAmount;
    }
}
