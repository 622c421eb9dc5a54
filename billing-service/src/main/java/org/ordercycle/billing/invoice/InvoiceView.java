package org.ordercycle.billing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.Money;
import org.ordercycle.kit.money.Amounts;

/** An invoice as billing shows it: its lines, totals per tax rate, and what is paid and open. */
public record InvoiceView(UUID id, String number, UUID customerId, UUID orderId, UUID shipmentId, String currency,
        LocalDate issuedOn, LocalDate dueDate, List<Line> lines, List<RateTotal> totalsPerRate, Money net, Money tax,
        Money gross, Money paid, Money open, InvoiceStatus status, Instant issuedAt) {

    public record Line(int lineNo, String sku, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
            BigDecimal taxRate, BigDecimal net) {
    }

    /** Net and tax of the lines at one tax rate; tax is rounded once per rate. */
    public record RateTotal(BigDecimal taxRate, Money net, Money tax) {
    }

    static InvoiceView from(Invoice invoice) {
        Amounts.Totals totals = invoice.totals();
        List<RateTotal> perRate = totals.netByRate().keySet().stream()
                .map(rate -> new RateTotal(rate.setScale(2), totals.netByRate().get(rate), totals.taxByRate().get(rate)))
                .toList();
        return new InvoiceView(invoice.id, invoice.number, invoice.customerId, invoice.orderId, invoice.shipmentId,
                invoice.currency, invoice.issuedOn, invoice.dueDate,
                invoice.lines.stream().map(line -> new Line(line.lineNo, line.sku, line.quantity, line.unitPrice,
                        line.discountPercent, line.taxRate, line.net)).toList(),
                perRate, money(invoice.net, invoice), money(invoice.tax, invoice), money(invoice.gross, invoice),
                money(invoice.paid, invoice), money(invoice.open(), invoice), invoice.status, invoice.issuedAt);
    }

    private static Money money(BigDecimal amount, Invoice invoice) {
        return new Money(amount, invoice.currency);
    }
}
