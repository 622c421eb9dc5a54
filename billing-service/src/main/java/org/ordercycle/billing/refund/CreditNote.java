package org.ordercycle.billing.refund;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordercycle.billing.invoice.Invoice;
import org.ordercycle.kit.money.Amounts;

/** Credits a customer against one invoice for a return: one per (return, invoice). */
@Entity
public class CreditNote extends PanacheEntityBase {

    @Id
    public UUID id;

    public String number;

    public UUID returnId;

    public UUID invoiceId;

    public UUID orderId;

    public UUID customerId;

    @Column(columnDefinition = "char(3)")
    public String currency;

    public BigDecimal net;

    public BigDecimal tax;

    /** Gross: what the customer gets back for it. */
    public BigDecimal amount;

    public LocalDate issuedOn;

    public Instant issuedAt;

    /** Why, as returns said (an inspection's deduction, what a claim is for). */
    public String reason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "credit_note_line", joinColumns = @JoinColumn(name = "credit_note_id"))
    @OrderBy("lineNo")
    public List<CreditNoteLine> lines = new ArrayList<>();

    /**
     * A credit note for the lines, at most {@code cap} gross (what is left of the invoice after earlier credit notes),
     * so the rounding per rate can never credit a cent more than was invoiced.
     */
    /**
     * Credits the invoice: the lines at the invoiced prices, or (no lines: a claim without goods) an amount only;
     * never more than {@code cap} gross. Where the amount is below the lines' worth (a partial refund after the
     * inspection) or an amount only, net and tax are split in the invoice's proportion of tax to gross.
     */
    static CreditNote credit(String number, UUID returnId, Invoice invoice, List<CreditNoteLine> lines,
            BigDecimal cap, String reason, LocalDate issuedOn, Instant issuedAt) {
        CreditNote note = new CreditNote();
        note.id = UUID.randomUUID();
        note.number = number;
        note.returnId = returnId;
        note.invoiceId = invoice.id;
        note.orderId = invoice.orderId;
        note.customerId = invoice.customerId;
        note.currency = invoice.currency;
        note.lines.addAll(lines);
        note.reason = reason;
        if (lines.isEmpty()) {
            note.amount = cap;
            note.tax = proportionalTax(cap, invoice.tax, invoice.gross);
            note.net = cap.subtract(note.tax);
        } else {
            Amounts.Totals totals = Amounts.totals(lines.stream().map(CreditNoteLine::amounts).toList(),
                    invoice.currency);
            note.net = totals.net().amount();
            note.tax = totals.tax().amount();
            note.amount = totals.gross().amount().min(cap);
            if (note.amount.compareTo(totals.gross().amount()) < 0) {
                note.tax = proportionalTax(note.amount, totals.tax().amount(), totals.gross().amount());
                note.net = note.amount.subtract(note.tax);
            }
        }
        note.issuedOn = issuedOn;
        note.issuedAt = issuedAt;
        note.persist();
        return note;
    }

    private static BigDecimal proportionalTax(BigDecimal amount, BigDecimal tax, BigDecimal gross) {
        return gross.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : amount.multiply(tax).divide(gross, 2, java.math.RoundingMode.HALF_UP);
    }

    static List<CreditNote> ofOrder(UUID orderId) {
        return list("orderId", orderId);
    }
}
