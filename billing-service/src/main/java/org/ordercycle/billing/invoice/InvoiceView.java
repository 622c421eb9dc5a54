package org.ordercycle.billing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.ordercycle.billing.profile.Channel;
import org.ordercycle.billing.profile.InvoiceFormat;
import org.ordercycle.events.Money;
import org.ordercycle.kit.money.Amounts;

/**
 * An invoice as billing shows it: its lines, totals per tax category and rate, what is paid and open, the buyer as
 * printed, the notes the law requires (reverse charge, exemptions, internal). {@code orderId} and
 * {@code shipmentId} are set when the invoice holds one order / one shipment; {@code orderIds} and
 * {@code shipmentIds} always.
 */
public record InvoiceView(UUID id, String number, UUID customerId, UUID orderId, UUID shipmentId, String currency,
        LocalDate issuedOn, LocalDate dueDate, List<Line> lines, List<RateTotal> totalsPerRate, Money net, Money tax,
        Money gross, Money paid, Money open, InvoiceStatus status, Instant issuedAt, List<UUID> orderIds,
        List<UUID> shipmentIds, LocalDate periodStart, LocalDate periodEnd, InvoiceFormat format, Channel channel,
        String language, String poReference, boolean reverseCharge, boolean internal, String internalClassification,
        Party buyer, String sellerVatId, List<String> notes, int dunningLevel) {

    public record Line(int lineNo, String sku, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
            BigDecimal taxRate, BigDecimal net, int position, UUID orderId, UUID shipmentId, String taxCategory) {
    }

    /** Net and tax of the lines of one tax category and rate; tax is rounded once per rate. */
    public record RateTotal(BigDecimal taxRate, Money net, Money tax, String taxCategory, String exemptionReason) {
    }

    public record Party(String name, String vatId, String street, String postalCode, String city, String country,
            String email) {
    }

    public static InvoiceView of(Invoice invoice) {
        return from(invoice);
    }

    static InvoiceView from(Invoice invoice) {
        List<RateTotal> perRate = totalsPerCategory(invoice);
        List<String> notes = new ArrayList<>();
        perRate.stream().map(RateTotal::exemptionReason).filter(r -> r != null && !notes.contains(r)).forEach(notes::add);
        if (invoice.internal != null) {
            notes.add(internalNote(invoice));
        }
        return new InvoiceView(invoice.id, invoice.number, invoice.customerId, invoice.orderId, invoice.shipmentId,
                invoice.currency, invoice.issuedOn, invoice.dueDate,
                invoice.lines.stream().map(line -> new Line(line.lineNo, line.sku, line.quantity, line.unitPrice,
                        line.discountPercent, line.taxRate, line.net, line.position, line.orderId, line.shipmentId,
                        line.taxCategory)).toList(),
                perRate, money(invoice.net, invoice), money(invoice.tax, invoice), money(invoice.gross, invoice),
                money(invoice.paid, invoice), money(invoice.open(), invoice), invoice.status, invoice.issuedAt,
                invoice.orderIds(), invoice.shipmentIds(), invoice.periodStart, invoice.periodEnd, invoice.format,
                invoice.channel, invoice.language, invoice.poReference, invoice.reverseCharge,
                invoice.internal != null, invoice.internal,
                new Party(invoice.buyerName, invoice.buyerVatId, invoice.buyerStreet, invoice.buyerPostalCode,
                        invoice.buyerCity, invoice.buyerCountry, invoice.buyerEmail),
                invoice.sellerVatId, notes, invoice.dunningLevel);
    }

    /**
     * Totals per (category, rate), ordered by rate then category. Tax is rounded once per group, the way
     * {@link Amounts} rounds once per rate: a rate shared by two categories carrying tax does not occur (only S
     * carries a rate above zero).
     */
    public static List<RateTotal> totalsPerCategory(Invoice invoice) {
        Map<String, List<InvoiceLine>> groups = new TreeMap<>();
        for (InvoiceLine line : invoice.lines) {
            groups.computeIfAbsent(line.taxRate.setScale(2) + "|" + line.taxCategory, k -> new ArrayList<>()).add(line);
        }
        List<RateTotal> totals = new ArrayList<>();
        groups.entrySet().stream()
                .sorted((a, b) -> {
                    int byRate = a.getValue().get(0).taxRate.compareTo(b.getValue().get(0).taxRate);
                    return byRate != 0 ? byRate : a.getKey().compareTo(b.getKey());
                })
                .forEach(group -> {
                    InvoiceLine first = group.getValue().get(0);
                    Amounts.Totals t = Amounts.totals(group.getValue().stream().map(InvoiceLine::amounts).toList(),
                            invoice.currency);
                    totals.add(new RateTotal(first.taxRate.setScale(2), t.net(), t.tax(), first.taxCategory,
                            TaxCategory.exemptionReason(first.taxCategory, invoice.language)));
                });
        return totals;
    }

    static String internalNote(Invoice invoice) {
        boolean german = "de".equals(invoice.language);
        return "INTERNAL_EMPLOYEE".equals(invoice.internal)
                ? (german ? "Interne Rechnung (Mitarbeiter)" : "Internal invoice (employee)")
                : (german ? "Interne Rechnung an ein verbundenes Unternehmen" : "Internal invoice to an affiliated company");
    }

    private static Money money(BigDecimal amount, Invoice invoice) {
        return new Money(amount, invoice.currency);
    }
}
