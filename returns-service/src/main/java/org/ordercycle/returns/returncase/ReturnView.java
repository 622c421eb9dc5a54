package org.ordercycle.returns.returncase;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.Address;
import org.ordercycle.events.Money;
import org.ordercycle.events.returns.ItemCondition;
import org.ordercycle.kit.money.Amounts;
import org.ordercycle.returns.order.AgreedOrder;

/**
 * A case as the API shows it: a return's lines at the agreed prices and their value ({@code totals}: net, tax once
 * per rate, gross) or a claim's amount; its reason, window and who decided; the pickup; what inspection decided;
 * the refund requested and paid and its lead time; for a case judged against the agreement, the order's
 * clarification and acceptance criteria; and the steps so far.
 */
public record ReturnView(UUID id, CaseKind kind, UUID orderId, UUID customerId, ReturnState state, String reason,
        CaseReason reasonCode, Settlement settlement, LocalDate windowEnds, String pendingBecause, String authorizedBy,
        Rejection rejection, Agreement agreement, List<LineView> lines, Totals totals, Money claimedAmount,
        PickupView pickup, Resolution resolution, String refundReason, Money refundRequested, Money refundPaid,
        String refundLeadTime, String outcome, UUID replacementOrderId, List<Step> steps) {

    public record LineView(int lineNo, String sku, BigDecimal quantity, Money unitPrice, BigDecimal discountPercent,
            BigDecimal taxRate, Money net, ItemCondition condition) {
    }

    public record Totals(Money net, Money tax, Money gross) {
    }

    public record Rejection(String reason, String by, Instant at) {
    }

    /** What sales clarified with the customer and the criteria the customer checks on delivery. */
    public record Agreement(String clarificationSummary, List<String> acceptanceCriteria) {
    }

    /** SCHEDULED, COLLECTED (the carrier has the goods), RECEIVED. */
    public record PickupView(String carrier, LocalDate pickupDate, Address address, String trackingNo,
            String status) {
    }

    /**
     * One step of the case, in the order the case went through them, with the timeline vocabulary's code; {@code by}
     * is the person, else the department. REFUND_PAID carries billing's moment of payment.
     */
    public record Step(String step, Instant occurredAt, String by) {
    }

    static ReturnView from(ReturnCase returnCase, AgreedOrder agreed) {
        List<LineView> lines = returnCase.lines.stream()
                .map(line -> new LineView(line.lineNo, line.sku, line.plainQuantity(), returnCase.money(line.unitPrice),
                        line.discountPercent, line.taxRate, returnCase.money(line.amounts().net()), line.condition))
                .toList();
        Amounts.Totals totals = returnCase.totals();
        Rejection rejection = returnCase.rejectedAt == null ? null
                : new Rejection(returnCase.rejectionReason, returnCase.rejectedBy, returnCase.rejectedAt);
        Agreement agreement = agreed == null ? null
                : new Agreement(agreed.clarificationSummary, List.copyOf(agreed.acceptanceCriteria));
        String leadTime = returnCase.refundPaidAt == null || returnCase.refundRequestedAt == null ? null
                : Duration.between(returnCase.refundRequestedAt, returnCase.refundPaidAt).toString();
        return new ReturnView(returnCase.id, returnCase.kind, returnCase.orderId, returnCase.customerId,
                returnCase.state, returnCase.reason, returnCase.reasonCode, returnCase.settlement,
                returnCase.windowEnds, returnCase.pendingBecause, returnCase.authorizedBy, rejection, agreement, lines,
                new Totals(totals.net(), totals.tax(), totals.gross()), returnCase.money(returnCase.claimedAmount),
                pickup(returnCase), returnCase.resolution, returnCase.refundReason,
                returnCase.money(returnCase.refundRequested), returnCase.money(returnCase.refundPaid), leadTime,
                returnCase.outcome, returnCase.replacementOrderId, steps(returnCase));
    }

    private static PickupView pickup(ReturnCase returnCase) {
        if (returnCase.pickupScheduledAt == null) {
            return null;
        }
        String status = returnCase.receivedAt != null ? "RECEIVED"
                : returnCase.pickupCollectedAt != null ? "COLLECTED" : "SCHEDULED";
        return new PickupView(returnCase.pickupCarrier, returnCase.pickupDate, returnCase.pickupAddress(),
                returnCase.pickupTrackingNo, status);
    }

    private static List<Step> steps(ReturnCase returnCase) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(returnCase.kind == CaseKind.CLAIM ? "CLAIM_REQUESTED" : "RETURN_REQUESTED",
                returnCase.requestedAt, returnCase.requestedBy));
        add(steps, "RETURN_AUTHORIZED", returnCase.authorizedAt,
                returnCase.authorizedBy == null ? "returns" : returnCase.authorizedBy);
        add(steps, "RETURN_REJECTED", returnCase.rejectedAt, returnCase.rejectedBy);
        add(steps, "PICKUP_SCHEDULED", returnCase.pickupScheduledAt, returnCase.pickupScheduledBy);
        add(steps, "PICKUP_COLLECTED", returnCase.pickupCollectedAt, "returns");
        add(steps, "RETURN_RECEIVED", returnCase.receivedAt, returnCase.receivedBy);
        add(steps, "REFUND_REQUESTED", returnCase.refundRequestedAt,
                returnCase.receivedBy == null ? "returns" : returnCase.receivedBy);
        if (returnCase.resolution == Resolution.REPLACEMENT) {
            add(steps, "REPLACEMENT_REQUESTED", returnCase.receivedAt, returnCase.receivedBy);
        }
        add(steps, "REFUND_PAID", returnCase.refundPaidAt, "billing");
        add(steps, "RETURN_CLOSED", returnCase.closedAt, "returns");
        return steps;
    }

    private static void add(List<Step> steps, String step, Instant at, String by) {
        if (at != null) {
            steps.add(new Step(step, at, by));
        }
    }
}
