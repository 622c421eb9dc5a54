package org.ordercycle.billing.invoice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.kit.money.Amounts;

/** One invoice per shipment: what left the warehouse, at the prices sales agreed. */
@Entity
public class Invoice extends PanacheEntityBase {

    @Id
    public UUID id;

    public String number;

    public UUID customerId;

    public UUID orderId;

    public UUID shipmentId;

    @Column(columnDefinition = "char(3)")
    public String currency;

    public LocalDate issuedOn;

    public LocalDate dueDate;

    public BigDecimal net;

    public BigDecimal tax;

    public BigDecimal gross;

    public BigDecimal paid;

    @Enumerated(EnumType.STRING)
    public InvoiceStatus status;

    public Instant issuedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "invoice_line", joinColumns = @JoinColumn(name = "invoice_id"))
    @OrderBy("lineNo")
    public List<InvoiceLine> lines = new ArrayList<>();

    @Version
    public long version;

    static Invoice issue(String number, UUID customerId, UUID orderId, UUID shipmentId, String currency,
            List<InvoiceLine> lines, LocalDate issuedOn, int paymentTermDays, Instant issuedAt) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.number = number;
        invoice.customerId = customerId;
        invoice.orderId = orderId;
        invoice.shipmentId = shipmentId;
        invoice.currency = currency;
        invoice.lines.addAll(lines);
        Amounts.Totals totals = invoice.totals();
        invoice.net = totals.net().amount();
        invoice.tax = totals.tax().amount();
        invoice.gross = totals.gross().amount();
        invoice.paid = BigDecimal.ZERO.setScale(2);
        invoice.status = invoice.gross.signum() == 0 ? InvoiceStatus.PAID : InvoiceStatus.OPEN;
        invoice.issuedOn = issuedOn;
        invoice.dueDate = issuedOn.plusDays(paymentTermDays);
        invoice.issuedAt = issuedAt;
        invoice.persist();
        return invoice;
    }

    public Amounts.Totals totals() {
        return Amounts.totals(lines.stream().map(InvoiceLine::amounts).toList(), currency);
    }

    public BigDecimal open() {
        return gross.subtract(paid);
    }

    public Optional<InvoiceLine> line(int lineNo) {
        return lines.stream().filter(line -> line.lineNo == lineNo).findFirst();
    }

    /** Applies part of a payment; the invoice is PAID once payments cover its gross amount. */
    public void allocate(BigDecimal amount) {
        if (amount.signum() <= 0 || amount.compareTo(open()) > 0) {
            throw new IllegalArgumentException(amount + " cannot be applied to invoice " + number + " with "
                    + open() + " open");
        }
        paid = paid.add(amount);
        if (paid.compareTo(gross) == 0) {
            status = InvoiceStatus.PAID;
        }
    }

    /** The customer's open invoices, oldest due first (then by number), locked until the transaction ends. */
    public static List<Invoice> openOfCustomerLocked(UUID customerId) {
        return find("customerId = ?1 and status = ?2 order by dueDate, number", customerId, InvoiceStatus.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The order's invoices in the order they were issued. */
    public static List<Invoice> ofOrder(UUID orderId) {
        return list("orderId = ?1 order by issuedAt, number", orderId);
    }
}
