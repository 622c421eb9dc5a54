package org.ordercycle.sales.quote;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.Money;
import org.ordercycle.kit.money.Amounts;
import org.ordercycle.sales.Decimals;

/** A quote as the API shows it: priced lines with their derivation, totals, proposed date and the clarification. */
public record QuoteView(UUID id, UUID customerId, QuoteStatus status, String salesperson, String currency,
        List<LineView> lines, Totals totals, LocalDate requestedDate, LocalDate proposedDate, LocalDate validUntil,
        Instant issuedAt, Clarification clarification, UUID orderId, String declineReason) {

    public record LineView(int lineNo, String sku, BigDecimal quantity, BigDecimal listPrice, BigDecimal unitPrice,
            BigDecimal discountPercent, BigDecimal taxRate, String taxCategory, BigDecimal net,
            List<String> derivation) {

        static LineView from(QuoteLine line) {
            return new LineView(line.lineNo, line.sku, Decimals.plain(line.quantity), Decimals.price(line.listPrice),
                    Decimals.price(line.unitPrice), Decimals.plain(line.discountPercent),
                    Decimals.plain(line.taxRate), line.taxCategory, line.amounts().net(), line.derivationSteps());
        }
    }

    public record Totals(Money net, Money tax, Money gross) {
    }

    public record Requirements(String quality, String efficiency, String security, String reliability) {
    }

    /** What was clarified, whether it is complete (and what is missing) and whether the customer confirmed it. */
    public record Clarification(String objective, Requirements requirements, List<String> acceptanceCriteria,
            String supportExpectations, String constraints, Money budget, boolean complete, List<String> missing,
            Instant confirmedAt, String confirmedBy) {
    }

    static QuoteView from(Quote quote) {
        Amounts.Totals totals = quote.totals();
        List<String> missing = quote.missing();
        return new QuoteView(quote.id, quote.customerId, quote.status, quote.salesperson, quote.currency,
                quote.lines.stream().map(LineView::from).toList(),
                new Totals(totals.net(), totals.tax(), totals.gross()), quote.requestedDate, quote.proposedDate,
                quote.validUntil, quote.issuedAt,
                new Clarification(quote.objective, new Requirements(quote.quality, quote.efficiency, quote.security,
                        quote.reliability), quote.criteria(), quote.supportExpectations, quote.constraints,
                        quote.budget == null ? null : new Money(Decimals.price(quote.budget), quote.budgetCurrency),
                        missing.isEmpty(), missing, quote.confirmedAt, quote.confirmedBy),
                quote.orderId, quote.declineReason);
    }
}
