package org.ordercycle.sales.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.Money;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.kit.money.Amounts;
import org.ordercycle.sales.Decimals;

/** An order as the API shows it: priced lines, totals (tax once per rate) and where it stands. */
public record OrderView(UUID id, UUID customerId, OrderStatus status, List<LineView> lines, String currency,
        Totals totals, Classification classification, LocalDate requestedDate, LocalDate promisedDate,
        String salesperson, Instant placedAt) {

    /** A line with its agreed unit price (in the order's currency), discount and tax rate, and its net. */
    public record LineView(int lineNo, String sku, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal discountPercent, BigDecimal taxRate, BigDecimal net, BigDecimal shipped) {

        static LineView from(OrderLine line) {
            return new LineView(line.lineNo, line.sku, Decimals.plain(line.quantity), Decimals.price(line.unitPrice),
                    Decimals.plain(line.discountPercent), Decimals.plain(line.taxRate),
                    line.priced() ? line.amounts().net() : null, Decimals.plain(line.shipped));
        }
    }

    public record Totals(Money net, Money tax, Money gross) {
    }

    static OrderView from(Order order) {
        Amounts.Totals totals = order.totals();
        return new OrderView(order.id, order.customerId, order.status,
                order.lines.stream().map(LineView::from).toList(), order.currency,
                totals == null ? null : new Totals(totals.net(), totals.tax(), totals.gross()),
                order.classification, order.requestedDate, order.promisedDate, order.salesperson, order.placedAt);
    }
}
