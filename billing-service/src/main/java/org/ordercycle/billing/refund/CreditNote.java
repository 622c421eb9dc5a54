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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "credit_note_line", joinColumns = @JoinColumn(name = "credit_note_id"))
    @OrderBy("lineNo")
    public List<CreditNoteLine> lines = new ArrayList<>();

    /**
     * A credit note for the lines, at most {@code cap} gross (what is left of the invoice after earlier credit notes),
     * so the rounding per rate can never credit a cent more than was invoiced.
     */
    static CreditNote issue(String number, UUID returnId, Invoice invoice, List<CreditNoteLine> lines,
            BigDecimal cap, LocalDate issuedOn, Instant issuedAt) {
        CreditNote note = new CreditNote();
        note.id = UUID.randomUUID();
        note.number = number;
        note.returnId = returnId;
        note.invoiceId = invoice.id;
        note.orderId = invoice.orderId;
        note.customerId = invoice.customerId;
        note.currency = invoice.currency;
        note.lines.addAll(lines);
        Amounts.Totals totals = Amounts.totals(lines.stream().map(CreditNoteLine::amounts).toList(), invoice.currency);
        note.net = totals.net().amount();
        note.tax = totals.tax().amount();
        note.amount = totals.gross().amount().min(cap);
        note.issuedOn = issuedOn;
        note.issuedAt = issuedAt;
        note.persist();
        return note;
    }

    static List<CreditNote> ofOrder(UUID orderId) {
        return list("orderId", orderId);
    }
}
