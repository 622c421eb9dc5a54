package org.ordercycle.contact.timeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ordercycle.events.Money;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An invoice as billing issued it, so that a payment, which names only invoices, reaches the orders' timelines. */
@Entity
public class CustomerInvoice extends PanacheEntityBase {

    @Id
    public UUID invoiceId;

    public String number;

    public UUID customerId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] orderIds;

    public Instant issuedAt;

    public LocalDate dueDate;

    public String currency;

    public BigDecimal net;

    public BigDecimal gross;

    /** What payments allocated to it so far. */
    public BigDecimal paid = BigDecimal.ZERO;

    /** What credit notes against it took off (gross). */
    public BigDecimal credited = BigDecimal.ZERO;

    /** Payments and credit notes come on two topics, in two transactions at once: neither may undo the other. */
    @Version
    public long version;

    static CustomerInvoice of(UUID invoiceId, String number, UUID customerId, UUID[] orderIds) {
        CustomerInvoice invoice = new CustomerInvoice();
        invoice.invoiceId = invoiceId;
        invoice.number = number;
        invoice.customerId = customerId;
        invoice.orderIds = orderIds;
        return invoice;
    }

    void amounts(Instant at, LocalDate due, Money netAmount, Money grossAmount) {
        issuedAt = at;
        dueDate = due;
        currency = grossAmount.currency();
        net = netAmount.amount();
        gross = grossAmount.amount();
    }

    void pay(BigDecimal amount) {
        paid = paid.add(amount);
    }

    void credit(BigDecimal amount) {
        credited = credited.add(amount);
    }
}
