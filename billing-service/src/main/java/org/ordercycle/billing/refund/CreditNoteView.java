package org.ordercycle.billing.refund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.Money;

/** A credit note: the returned quantities at the invoiced prices; {@code amount} is gross. */
public record CreditNoteView(UUID id, String number, UUID returnId, UUID invoiceId, UUID orderId, UUID customerId,
        String currency, LocalDate issuedOn, List<Line> lines, Money net, Money tax, Money amount) {

    public record Line(int lineNo, String sku, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
            BigDecimal taxRate, BigDecimal net) {
    }

    static CreditNoteView from(CreditNote note) {
        return new CreditNoteView(note.id, note.number, note.returnId, note.invoiceId, note.orderId, note.customerId,
                note.currency, note.issuedOn,
                note.lines.stream().map(line -> new Line(line.lineNo, line.sku, line.quantity, line.unitPrice,
                        line.discountPercent, line.taxRate, line.net)).toList(),
                new Money(note.net, note.currency), new Money(note.tax, note.currency),
                new Money(note.amount, note.currency));
    }
}
