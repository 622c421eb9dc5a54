package org.ordercycle.billing.credit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OrderBy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordercycle.billing.invoice.Invoice;

/**
 * Money billing owes a customer and keeps as credit instead of paying it out (a refund the customer wanted as
 * credit): it settles the customer's open invoices, oldest due first, and what is left settles the next invoices.
 */
@Entity
public class CustomerCredit extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID customerId;

    /** The refund it came from. */
    public UUID refundId;

    public BigDecimal amount;

    /** What is not yet applied to invoices. */
    public BigDecimal remaining;

    @Column(columnDefinition = "char(3)")
    public String currency;

    public Instant grantedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "credit_allocation", joinColumns = @JoinColumn(name = "credit_id"))
    @OrderBy("position")
    public List<CreditAllocation> allocations = new ArrayList<>();

    /** Grants the credit and applies it to the customer's open invoices at once. */
    public static CustomerCredit grant(UUID customerId, UUID refundId, BigDecimal amount, String currency,
            Instant now) {
        CustomerCredit credit = new CustomerCredit();
        credit.id = UUID.randomUUID();
        credit.customerId = customerId;
        credit.refundId = refundId;
        credit.amount = amount;
        credit.remaining = amount;
        credit.currency = currency;
        credit.grantedAt = now;
        credit.persist();
        for (Invoice invoice : Invoice.openOfCustomerLocked(customerId)) {
            credit.allocate(invoice, now);
        }
        return credit;
    }

    /**
     * Locks the customer's credits with something remaining until the transaction ends. Whoever issues invoices takes
     * these locks before the invoice counter's (a batch of invoices settles its credits before it takes its numbers),
     * so two issuers never wait for each other in a circle.
     */
    public static void lockRemaining(UUID customerId) {
        find("customerId = ?1 and remaining > 0", customerId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Applies the customer's remaining credits to a new invoice, oldest credit first. */
    public static void settle(Invoice invoice, Instant now) {
        List<CustomerCredit> credits = find("customerId = ?1 and remaining > 0 and currency = ?2 order by grantedAt",
                invoice.customerId, invoice.currency).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (CustomerCredit credit : credits) {
            credit.allocate(invoice, now);
        }
    }

    /**
     * Applies the customers' remaining credits to new invoices, as {@link #settle} does for each in turn, with one
     * query (locked) for the credits of all their customers.
     */
    public static void settleAll(List<Invoice> invoices, Instant now) {
        if (invoices.isEmpty()) {
            return;
        }
        List<UUID> customers = invoices.stream().map(invoice -> invoice.customerId).distinct().toList();
        Map<UUID, List<CustomerCredit>> credits = new HashMap<>();
        CustomerCredit.<CustomerCredit>find("customerId in ?1 and remaining > 0 order by grantedAt", customers)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(credit -> credits.computeIfAbsent(credit.customerId, c -> new ArrayList<>()).add(credit));
        for (Invoice invoice : invoices) {
            for (CustomerCredit credit : credits.getOrDefault(invoice.customerId, List.of())) {
                if (credit.remaining.signum() > 0) {
                    credit.allocate(invoice, now);
                }
            }
        }
    }

    /** Applies as much of the remaining credit to the invoice as it has open. */
    void allocate(Invoice invoice, Instant now) {
        if (!invoice.currency.equals(currency)) {
            return;
        }
        BigDecimal part = remaining.min(invoice.open());
        if (part.signum() <= 0) {
            return;
        }
        invoice.allocate(part);
        remaining = remaining.subtract(part);
        allocations.add(CreditAllocation.of(allocations.size() + 1, invoice.id, part, now));
    }

    /** The customer's credit not yet applied. */
    public static BigDecimal remainingOf(UUID customerId) {
        BigDecimal remaining = find("select coalesce(sum(remaining), 0) from CustomerCredit where customerId = ?1",
                customerId).project(BigDecimal.class).firstResult();
        return remaining.setScale(2);
    }
}
