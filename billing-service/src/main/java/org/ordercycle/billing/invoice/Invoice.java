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
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.annotations.SecondaryRow;
import org.ordercycle.billing.profile.Channel;
import org.ordercycle.billing.profile.InvoiceFormat;
import org.ordercycle.billing.profile.Profile;
import org.ordercycle.kit.money.Amounts;

/**
 * An invoice: what left the warehouse (one shipment, or every shipment of a period), at the prices sales agreed,
 * with the buyer as it was when the invoice was issued (a legal record: it stays when contact erases the customer).
 */
@Entity
@SecondaryTable(name = "invoice_number", pkJoinColumns = @PrimaryKeyJoinColumn(name = "invoice_id"))
@SecondaryRow(table = "invoice_number", optional = true)
public class Invoice extends PanacheEntityBase {

    @Id
    public UUID id;

    /**
     * In a narrow table of its own ({@code invoice_number}, V8), so that a batch numbering the invoices it wrote
     * inserts one small row per invoice instead of writing each invoice a second time. Every committed invoice has
     * one (a deferred constraint trigger refuses the commit otherwise).
     */
    @Column(table = "invoice_number")
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

    /** The billing period of a consolidated invoice; absent for an invoice per shipment. */
    public LocalDate periodStart;

    public LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    public InvoiceFormat format;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String language;

    public String poReference;

    /** Some line is reverse charge (AE): the buyer owes the VAT; both VAT ids are printed. */
    public boolean reverseCharge;

    /** INTERNAL_AFFILIATE or INTERNAL_EMPLOYEE for an internal invoice; absent for an external customer. */
    public String internal;

    public String buyerName;
    public String buyerVatId;
    public String buyerStreet;
    public String buyerPostalCode;
    public String buyerCity;
    public String buyerCountry;
    public String buyerEmail;
    public String sellerVatId;

    /** The last dunning level issued; 0 while none. */
    public int dunningLevel;

    /** The day billing first saw it overdue (InvoiceOverdue published); absent until then. */
    public LocalDate overdueSince;

    public LocalDate lastDunnedOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "invoice_line", joinColumns = @JoinColumn(name = "invoice_id"))
    @OrderBy("position")
    public List<InvoiceLine> lines = new ArrayList<>();

    @Version
    public long version;

    /**
     * Issues the invoice for the shipments: their lines in the order they left, due after the payment terms. The
     * caller has checked that the shipments are the customer's, pending, and worth more than nothing. A null
     * {@code number}: the caller numbers it with {@link #numberAll} in the same transaction, after the rows are
     * written (a batch takes its numbers last, so that the counter row is locked only briefly).
     */
    static Invoice issue(String number, List<BillableShipment> shipments, Buyer buyer, Profile profile,
            String sellerVatId, LocalDate issuedOn, LocalDate periodStart, LocalDate periodEnd, String poReference,
            Instant issuedAt) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.number = number;
        invoice.customerId = buyer.customerId();
        List<UUID> orders = shipments.stream().map(s -> s.orderId).distinct().toList();
        invoice.orderId = orders.size() == 1 ? orders.get(0) : null;
        invoice.shipmentId = shipments.size() == 1 ? shipments.get(0).shipmentId : null;
        invoice.currency = shipments.get(0).currency;
        for (BillableShipment shipment : shipments) {
            for (ShipmentLine line : shipment.lines) {
                invoice.lines.add(InvoiceLine.of(invoice.lines.size() + 1, shipment, line));
            }
        }
        Amounts.Totals totals = invoice.totals();
        invoice.net = totals.net().amount();
        invoice.tax = totals.tax().amount();
        invoice.gross = totals.gross().amount();
        invoice.paid = BigDecimal.ZERO.setScale(2);
        invoice.status = invoice.gross.signum() == 0 ? InvoiceStatus.PAID : InvoiceStatus.OPEN;
        invoice.issuedOn = issuedOn;
        invoice.dueDate = issuedOn.plusDays(profile.paymentTermDays());
        invoice.issuedAt = issuedAt;
        invoice.periodStart = periodStart;
        invoice.periodEnd = periodEnd;
        invoice.format = profile.format();
        invoice.channel = profile.channel();
        invoice.language = profile.language();
        invoice.poReference = poReference;
        invoice.reverseCharge = invoice.lines.stream().anyMatch(line -> TaxCategory.REVERSE_CHARGE.equals(line.taxCategory));
        invoice.internal = buyer.internalClassification();
        invoice.buyerName = buyer.name();
        invoice.buyerVatId = buyer.vatId();
        invoice.buyerStreet = buyer.street();
        invoice.buyerPostalCode = buyer.postalCode();
        invoice.buyerCity = buyer.city();
        invoice.buyerCountry = buyer.country();
        invoice.buyerEmail = profile.invoiceEmail() != null ? profile.invoiceEmail() : buyer.email();
        invoice.sellerVatId = sellerVatId;
        invoice.persist();
        shipments.forEach(shipment -> shipment.invoiced(invoice.id));
        return invoice;
    }

    public List<UUID> orderIds() {
        return lines.stream().map(line -> line.orderId).distinct().toList();
    }

    public List<UUID> shipmentIds() {
        return lines.stream().map(line -> line.shipmentId).filter(java.util.Objects::nonNull).distinct().toList();
    }

    public List<InvoiceLine> linesOf(UUID order) {
        return lines.stream().filter(line -> line.orderId.equals(order)).toList();
    }

    public Amounts.Totals totals() {
        return Amounts.totals(lines.stream().map(InvoiceLine::amounts).toList(), currency);
    }

    public BigDecimal open() {
        return gross.subtract(paid);
    }

    /** The invoice's line for the order's line {@code lineNo}, all its shipments' quantities together. */
    public Optional<InvoiceLine> line(UUID order, int lineNo) {
        List<InvoiceLine> matching = lines.stream().filter(l -> l.orderId.equals(order) && l.lineNo == lineNo).toList();
        if (matching.size() <= 1) {
            return matching.stream().findFirst();
        }
        InvoiceLine sum = new InvoiceLine();
        InvoiceLine first = matching.get(0);
        sum.position = first.position;
        sum.orderId = first.orderId;
        sum.lineNo = first.lineNo;
        sum.sku = first.sku;
        sum.unitPrice = first.unitPrice;
        sum.discountPercent = first.discountPercent;
        sum.taxRate = first.taxRate;
        sum.taxCategory = first.taxCategory;
        sum.quantity = matching.stream().map(l -> l.quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        sum.net = sum.amounts().net();
        return Optional.of(sum);
    }

    /**
     * Gives invoices issued without a number (written to the database, not changed since) their numbers, in one
     * statement that inserts their rows of {@code invoice_number} (the invoice rows are not written again). The
     * caller took the numbers in this transaction ({@code DocumentNumbers.nextBlock}); the invoices are not changed
     * in memory: the caller empties the persistence context afterwards.
     */
    static void numberAll(List<Invoice> invoices, List<String> numbers) {
        if (invoices.size() != numbers.size()) {
            throw new IllegalArgumentException(invoices.size() + " invoices, " + numbers.size() + " numbers");
        }
        if (invoices.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into invoice_number (invoice_id, number)
                    select numbered.id, numbered.number
                    from unnest(?, ?) as numbered (id, number) join invoice on invoice.id = numbered.id""")) {
                insert.setArray(1, connection.createArrayOf("uuid", invoices.stream().map(i -> i.id).toArray()));
                insert.setArray(2, connection.createArrayOf("text", numbers.toArray()));
                int numbered = insert.executeUpdate();
                if (numbered != invoices.size()) {
                    throw new IllegalStateException("numbered " + numbered + " of " + invoices.size() + " invoices");
                }
            }
        });
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

    /** The invoices holding lines of the order, in the order they were issued. */
    public static List<Invoice> ofOrder(UUID orderId) {
        return list("select distinct i from Invoice i join i.lines l where l.orderId = ?1 order by i.issuedAt, i.number",
                orderId);
    }

    /** The invoice is past due and unpaid: true the first time billing notices (then InvoiceOverdue is published). */
    public boolean becomeOverdue(LocalDate today) {
        if (overdueSince != null || status != InvoiceStatus.OPEN || !today.isAfter(dueDate)) {
            return false;
        }
        overdueSince = today;
        return true;
    }

    /** Records that dunning level {@code level} was issued; levels go up one at a time. */
    public void dun(int level, LocalDate today) {
        if (level != dunningLevel + 1 || status != InvoiceStatus.OPEN) {
            throw new IllegalStateException("invoice " + number + " at dunning level " + dunningLevel + " ("
                    + status + ") cannot be dunned at level " + level);
        }
        dunningLevel = level;
        lastDunnedOn = today;
    }

    public int daysOverdue(LocalDate today) {
        return (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(dueDate, today));
    }
}
