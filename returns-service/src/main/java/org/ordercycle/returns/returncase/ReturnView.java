package org.ordercycle.returns.returncase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.Money;
import org.ordercycle.events.returns.ItemCondition;
import org.ordercycle.kit.money.Amounts;

/**
 * A return case as the API shows it: its lines at the agreed prices, their value ({@code totals}: net, tax once per
 * rate, gross), the refund requested (from receipt on) and paid (once closed), and the steps so far.
 */
public record ReturnView(UUID id, UUID orderId, UUID customerId, ReturnState state, String reason,
        List<LineView> lines, Totals totals, Money refundRequested, Money refundPaid, List<Step> steps) {

    public record LineView(int lineNo, String sku, BigDecimal quantity, Money unitPrice, BigDecimal discountPercent,
            BigDecimal taxRate, Money net, ItemCondition condition) {
    }

    public record Totals(Money net, Money tax, Money gross) {
    }

    /** One step of the case, with the timeline vocabulary's code; {@code by} is the person, else "returns". */
    public record Step(String step, Instant occurredAt, String by) {
    }

    static ReturnView from(ReturnCase returnCase) {
        List<LineView> lines = returnCase.lines.stream()
                .map(line -> new LineView(line.lineNo, line.sku, line.plainQuantity(), returnCase.money(line.unitPrice),
                        line.discountPercent, line.taxRate, returnCase.money(line.amounts().net()), line.condition))
                .toList();
        Amounts.Totals totals = returnCase.totals();
        return new ReturnView(returnCase.id, returnCase.orderId, returnCase.customerId, returnCase.state,
                returnCase.reason, lines, new Totals(totals.net(), totals.tax(), totals.gross()),
                returnCase.money(returnCase.refundRequested), returnCase.money(returnCase.refundPaid),
                steps(returnCase));
    }

    private static List<Step> steps(ReturnCase returnCase) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("RETURN_REQUESTED", returnCase.requestedAt, returnCase.requestedBy));
        if (returnCase.authorizedAt != null) {
            steps.add(new Step("RETURN_AUTHORIZED", returnCase.authorizedAt, "returns"));
        }
        if (returnCase.receivedAt != null) {
            steps.add(new Step("RETURN_RECEIVED", returnCase.receivedAt, returnCase.receivedBy));
            steps.add(new Step("REFUND_REQUESTED", returnCase.receivedAt, returnCase.receivedBy));
        }
        if (returnCase.closedAt != null) {
            steps.add(new Step("RETURN_CLOSED", returnCase.closedAt, "returns"));
        }
        return steps;
    }
}
