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

/**
 * An order as the API shows it: priced lines (each with how its price was derived), totals (tax once per rate),
 * margin over production's cost, the selection decision and where it stands.
 */
public record OrderView(UUID id, UUID customerId, OrderStatus status, List<LineView> lines, String currency,
        Totals totals, Classification classification, LocalDate requestedDate, LocalDate promisedDate,
        String salesperson, Instant placedAt, Instant statusSince, Margin margin, Decision decision,
        LocalDate plannedCompletion, boolean atRisk, UUID quoteId, UUID originalOrderId, String clarificationSummary,
        List<String> acceptanceCriteria, List<ExpediteView> expedites) {

    /**
     * A line with its list price, agreed unit price (in the order's currency), discount, tax rate and category, its
     * net, and the derivation of its price step by step.
     */
    public record LineView(int lineNo, String sku, BigDecimal quantity, BigDecimal listPrice, BigDecimal unitPrice,
            BigDecimal discountPercent, BigDecimal taxRate, String taxCategory, BigDecimal net, BigDecimal unitCost,
            BigDecimal shipped, List<String> derivation) {

        static LineView from(OrderLine line) {
            return new LineView(line.lineNo, line.sku, Decimals.plain(line.quantity), Decimals.price(line.listPrice),
                    Decimals.price(line.unitPrice), Decimals.plain(line.discountPercent),
                    Decimals.plain(line.taxRate), line.taxCategory, line.priced() ? line.amounts().net() : null,
                    Decimals.price(line.unitCost), Decimals.plain(line.shipped), line.derivationSteps());
        }
    }

    public record Totals(Money net, Money tax, Money gross) {
    }

    /** Net less production's cost; absent while a line's cost is unknown. */
    public record Margin(Money cost, Money margin, BigDecimal percentOfNet) {
    }

    /** The selection: score and its breakdown, hold, who decided and why, the priority sent to production. */
    public record Decision(Integer score, String scoreBreakdown, Integer priority, String holdReason,
            String decidedBy, String reason, Instant acceptedAt, Instant declinedAt) {
    }

    /** A request to expedite and production's answer (absent fields until it answers). */
    public record ExpediteView(UUID id, LocalDate wantedDate, String reason, String requestedBy, Instant requestedAt,
            Instant answeredAt, Boolean granted, LocalDate newDate, Money cost, BigDecimal overtimeHours,
            List<UUID> displacedOrders, String answerReason) {

        static ExpediteView from(OrderExpedite expedite) {
            return new ExpediteView(expedite.id, expedite.wantedDate, expedite.reason, expedite.requestedBy,
                    expedite.requestedAt, expedite.answeredAt, expedite.granted, expedite.newDate,
                    expedite.cost == null ? null : new Money(Decimals.price(expedite.cost), expedite.costCurrency),
                    Decimals.plain(expedite.overtimeHours), expedite.displaced(), expedite.answerReason);
        }
    }

    static OrderView from(Order order) {
        return from(order, OrderExpedite.of(order.id).stream().map(ExpediteView::from).toList());
    }

    /** An order placed in this transaction, with its totals: nothing to expedite yet. */
    static OrderView fromNew(Order order, Amounts.Totals totals) {
        return from(order, totals, List.of());
    }

    private static OrderView from(Order order, List<ExpediteView> expedites) {
        return from(order, order.totals(), expedites);
    }

    private static OrderView from(Order order, Amounts.Totals totals, List<ExpediteView> expedites) {
        return new OrderView(order.id, order.customerId, order.status,
                order.lines.stream().map(LineView::from).toList(), order.currency,
                totals == null ? null : new Totals(totals.net(), totals.tax(), totals.gross()),
                order.classification, order.requestedDate, order.promisedDate, order.salesperson, order.placedAt,
                order.statusSince, margin(order, totals),
                new Decision(order.score, order.scoreBreakdown, order.priority,
                        order.heldAt == null ? null : order.holdReason, order.decidedBy, order.decisionReason,
                        order.acceptedAt, order.declinedAt),
                order.plannedCompletion, order.atRisk(), order.quoteId, order.originalOrderId,
                order.clarificationSummary, order.acceptanceCriteria(), expedites);
    }

    private static Margin margin(Order order, Amounts.Totals totals) {
        BigDecimal cost = order.cost();
        if (cost == null || totals == null) {
            return null;
        }
        BigDecimal net = totals.net().amount();
        BigDecimal margin = net.subtract(cost);
        return new Margin(new Money(cost.setScale(2, java.math.RoundingMode.HALF_UP), order.currency),
                new Money(margin.setScale(2, java.math.RoundingMode.HALF_UP), order.currency),
                net.signum() == 0 ? null
                        : margin.multiply(BigDecimal.valueOf(100)).divide(net, 2, java.math.RoundingMode.HALF_UP));
    }
}
