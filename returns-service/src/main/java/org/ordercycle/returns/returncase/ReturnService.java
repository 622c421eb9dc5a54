package org.ordercycle.returns.returncase;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.ordercycle.events.Address;
import org.ordercycle.events.billing.RefundPaid;
import org.ordercycle.events.returns.ItemCondition;
import org.ordercycle.events.returns.PickupScheduled;
import org.ordercycle.events.returns.ReceivedLine;
import org.ordercycle.events.returns.RefundRequested;
import org.ordercycle.events.returns.ReplacementRequested;
import org.ordercycle.events.returns.ReturnAuthorized;
import org.ordercycle.events.returns.ReturnClosed;
import org.ordercycle.events.returns.ReturnLine;
import org.ordercycle.events.returns.ReturnReceived;
import org.ordercycle.events.returns.ReturnRejected;
import org.ordercycle.events.returns.ReturnRequested;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.returns.customer.Customer;
import org.ordercycle.returns.order.AgreedOrder;
import org.ordercycle.returns.order.OrderInvoice;
import org.ordercycle.returns.order.Shipment;

/**
 * Return cases: requested and authorized by rule or by a person (or rejected), picked up, received and inspected,
 * refunded in full or in part, replaced, or not refunded; closed when billing paid the refund. Claims without goods
 * share the decision and refund steps ({@link #decide}).
 */
@ApplicationScoped
@Transactional
public class ReturnService {

    private static final Logger LOG = Logger.getLogger(ReturnService.class);

    private final Outbox outbox;
    private final Clock clock;
    private final AuthorizationPolicy policy;
    private final MeterRegistry metrics;

    ReturnService(Outbox outbox, Clock clock, AuthorizationPolicy policy, MeterRegistry metrics) {
        this.outbox = outbox;
        this.clock = clock;
        this.policy = policy;
        this.metrics = metrics;
    }

    public ReturnView request(ReturnRequest request, String by) {
        noLineTwice(request.lines().stream().map(ReturnRequest.Line::lineNo).toList());
        CaseReason reason = policy.reasonOf(request.reasonCode(), request.reason());
        if (!reason.goods()) {
            throw ProblemException.badRequest("reasonCode", reason + " is a claim without goods: POST /claims");
        }
        // Locked: a second return of the same order waits here and then sees this one's quantities.
        AgreedOrder order = AgreedOrder.lockForReturn(request.orderId())
                .orElseThrow(() -> ProblemException.unprocessable("Unknown order", "order " + request.orderId()
                        + " is not known to returns (yet): its acceptance has not reached returns"));
        List<ReturnCaseLine> lines = returnable(order, request.lines());
        Instant now = clock.instant();
        LocalDate handedOver = Shipment.lastHandedOver(order.id).map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC))
                .orElseThrow();
        ReturnCase returnCase = ReturnCase.request(order.id, order.customerId, order.currency, lines, reason,
                request.reason(), request.settlement() == null ? Settlement.REFUND : request.settlement(),
                policy.windowEnds(reason, handedOver), by, now);
        outbox.publish(new ReturnRequested(UUID.randomUUID(), now, returnCase.id, order.id, order.customerId,
                eventLines(returnCase), reasonText(returnCase), by));
        decide(returnCase, now);
        return view(returnCase);
    }

    /**
     * The rule's decision on a new case: authorized (a claim's refund requested at once) within its window and the
     * automatic value; otherwise it waits for a person, who sees why.
     */
    public void decide(ReturnCase returnCase, Instant now) {
        List<String> because = policy.needsAPerson(returnCase.reasonCode, returnCase.windowEnds,
                LocalDate.ofInstant(now, ZoneOffset.UTC), returnCase.value(), returnCase.currency);
        if (because.isEmpty()) {
            authorizeNow(returnCase, null, now);
        } else {
            returnCase.awaitDecision(String.join("; ", because));
        }
    }

    public ReturnView authorize(UUID id, String by) {
        ReturnCase returnCase = awaitingDecision(id);
        authorizeNow(returnCase, by, clock.instant());
        return view(returnCase);
    }

    public ReturnView reject(UUID id, RejectionRequest rejection, String by) {
        ReturnCase returnCase = awaitingDecision(id);
        Instant now = clock.instant();
        returnCase.reject(rejection.reason(), by, now);
        outbox.publish(new ReturnRejected(UUID.randomUUID(), now, returnCase.id, returnCase.orderId,
                returnCase.customerId, eventLines(returnCase), rejection.reason(), by));
        return view(returnCase);
    }

    public ReturnView schedulePickup(UUID id, PickupRequest request, String by) {
        ReturnCase returnCase = find(id, "schedule a pickup");
        if (returnCase.kind == CaseKind.CLAIM) {
            throw ProblemException.conflict("A claim has no goods", "case " + id + " is a claim: nothing to pick up");
        }
        expectState(returnCase, ReturnState.AUTHORIZED, "a pickup can be scheduled");
        Instant now = clock.instant();
        if (request.pickupDate().isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            throw ProblemException.unprocessable("Pickup in the past",
                    "pickup date " + request.pickupDate() + " is before today");
        }
        Address address = request.address() != null ? new Address(request.address().street(),
                request.address().postalCode(), request.address().city(), request.address().region(),
                request.address().country())
                : Customer.find(returnCase.customerId).flatMap(Customer::address).orElseThrow(() ->
                        ProblemException.unprocessable("No pickup address", "the request names no address and "
                                + "returns knows no billing address of customer " + returnCase.customerId));
        returnCase.schedulePickup(request.carrier(), request.pickupDate(), address, request.trackingNo(), by, now);
        outbox.publish(new PickupScheduled(UUID.randomUUID(), now, returnCase.id, returnCase.orderId,
                returnCase.customerId, eventLines(returnCase), request.carrier(), request.pickupDate(), address));
        return view(returnCase);
    }

    public ReturnView recordCollection(UUID id) {
        ReturnCase returnCase = find(id, "record the collection");
        expectState(returnCase, ReturnState.PICKUP_SCHEDULED, "the carrier's collection can be recorded");
        returnCase.collect(clock.instant());
        return view(returnCase);
    }

    public ReturnView receive(UUID id, ReceiptRequest request, String by) {
        noLineTwice(request.lines().stream().map(ReceiptRequest.Line::lineNo).toList());
        ReturnCase returnCase = find(id, "receive");
        if (returnCase.kind == CaseKind.CLAIM) {
            throw ProblemException.conflict("A claim has no goods", "case " + id + " is a claim: nothing to receive");
        }
        if (returnCase.state != ReturnState.AUTHORIZED && returnCase.state != ReturnState.PICKUP_SCHEDULED
                && returnCase.state != ReturnState.IN_TRANSIT) {
            throw ProblemException.conflict("Return not authorized", "return " + id + " is " + returnCase.state
                    + ": only an AUTHORIZED return (or one being picked up) can be received");
        }
        Resolution resolution = request.decided();
        checkResolution(returnCase, request, resolution);
        Map<Integer, ItemCondition> conditions = conditions(returnCase, request);
        Instant now = clock.instant();
        returnCase.receive(conditions, by, now);
        returnCase.inspect(resolution, request.refundAmount(), request.refundReason(), now);
        outbox.publish(new ReturnReceived(UUID.randomUUID(), now, returnCase.id, returnCase.orderId,
                returnCase.lines.stream().map(line -> new ReceivedLine(line.lineNo, line.sku, line.plainQuantity(),
                        line.condition)).toList(), by));
        switch (resolution) {
            case FULL_REFUND, PARTIAL_REFUND -> outbox.publish(new RefundRequested(UUID.randomUUID(), now,
                    returnCase.id, returnCase.orderId, returnCase.customerId, returnCase.money(returnCase.refundRequested),
                    eventLines(returnCase), returnCase.settlement.name(), returnCase.refundReason));
            case NO_REFUND -> outbox.publish(new ReturnClosed(UUID.randomUUID(), now, returnCase.id,
                    returnCase.orderId, returnCase.outcome));
            case REPLACEMENT -> {
                outbox.publish(new ReplacementRequested(UUID.randomUUID(), now, returnCase.id, returnCase.orderId,
                        eventLines(returnCase)));
                outbox.publish(new ReturnClosed(UUID.randomUUID(), now, returnCase.id, returnCase.orderId,
                        returnCase.outcome));
            }
        }
        return view(returnCase);
    }

    /** Billing paid the refund of a case: it is closed, once, however often billing's event comes. */
    public void refundPaid(RefundPaid event) {
        ReturnCase returnCase = ReturnCase.findById(event.returnId());
        if (returnCase == null) {
            // Returns asks for every refund billing pays, so this is not one of its cases (another environment's?).
            LOG.warnf("RefundPaid %s names return %s, which returns does not know: ignored", event.eventId(),
                    event.returnId());
            return;
        }
        Instant now = clock.instant();
        if (returnCase.closeRefunded(event.refundId(), event.amount().amount(), event.occurredAt(), now)) {
            outbox.publish(new ReturnClosed(UUID.randomUUID(), now, returnCase.id, returnCase.orderId,
                    returnCase.outcome));
            Timer.builder("ordercycle.returns.refund.lead.time")
                    .description("From a refund's request to billing's RefundPaid")
                    .tag("kind", returnCase.kind.name())
                    .publishPercentiles(0.5, 0.9)
                    .register(metrics)
                    .record(Duration.between(returnCase.refundRequestedAt, returnCase.refundPaidAt));
        }
    }

    /**
     * Sales placed a replacement order for one of the order's returns: the oldest return of it waiting for one is
     * linked to it. A replacement sales made for another reason (a complaint) links to nothing.
     */
    public void replacementPlaced(UUID originalOrderId, UUID replacementOrderId) {
        ReturnCase.awaitingReplacementOrder(originalOrderId)
                .ifPresent(returnCase -> returnCase.linkReplacement(replacementOrderId));
    }

    /**
     * The most a claim of the order may still ask: what billing invoiced for it (gross; the agreed gross of the
     * shipped lines while no invoice is known) minus the refunds already requested for its other cases.
     */
    public BigDecimal claimCap(AgreedOrder order) {
        return claimCap(order, Optional.empty());
    }

    private static BigDecimal claimCap(AgreedOrder order, Optional<UUID> exceptCase) {
        BigDecimal base = OrderInvoice.invoicedGross(order.id).orElseGet(order::shippedGross);
        return base.subtract(ReturnCase.refundsRequested(order.id, exceptCase)).max(BigDecimal.ZERO);
    }

    /** Contact erased the customer: the pickup addresses on its cases are personal data and go. */
    public void customerErased(UUID customerId) {
        ReturnCase.forgetPickupAddresses(customerId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReturnView> find(UUID id) {
        return ReturnCase.<ReturnCase>findByIdOptional(id).map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReturnView> ofOrder(UUID orderId) {
        return ReturnCase.<ReturnCase>list("orderId = ?1 order by requestedAt, id", orderId).stream()
                .map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReturnView> awaitingDecision() {
        return ReturnCase.<ReturnCase>list("state = ?1 order by requestedAt, id", ReturnState.REQUESTED).stream()
                .map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RefundLeadTimes refundLeadTimes(LocalDate since) {
        List<ReturnCase> cases = ReturnCase.list(
                "refundRequestedAt >= ?1 order by refundRequestedAt, id", since.atStartOfDay(ZoneOffset.UTC).toInstant());
        return RefundLeadTimes.of(cases, clock.instant());
    }

    /** The view; for a case judged against the agreement, with the order's clarification and acceptance criteria. */
    public ReturnView view(ReturnCase returnCase) {
        AgreedOrder agreement = returnCase.reasonCode != null && returnCase.reasonCode.judgedAgainstAgreement()
                ? AgreedOrder.find(returnCase.orderId).orElse(null) : null;
        return ReturnView.from(returnCase, agreement);
    }

    /** Publishes the authorization; an authorized claim asks billing for its amount at once. */
    private void authorizeNow(ReturnCase returnCase, String by, Instant now) {
        if (returnCase.kind == CaseKind.CLAIM) {
            // Locked like a new claim: two authorizations of one order's claims are capped one after the other.
            AgreedOrder order = AgreedOrder.lockForReturn(returnCase.orderId).orElseThrow();
            BigDecimal cap = claimCap(order, Optional.of(returnCase.id));
            if (returnCase.claimedAmount.compareTo(cap) > 0) {
                throw ProblemException.unprocessable("Claim above what was invoiced", "claim " + returnCase.id
                        + " asks " + returnCase.claimedAmount.toPlainString() + " " + returnCase.currency
                        + ", but at most " + cap.toPlainString() + " " + returnCase.currency + " of order "
                        + order.id + " can still be refunded (invoiced gross minus refunds already requested)");
            }
        }
        returnCase.authorize(by, now);
        outbox.publish(new ReturnAuthorized(UUID.randomUUID(), now, returnCase.id, returnCase.orderId,
                returnCase.customerId, eventLines(returnCase), reasonText(returnCase), by));
        if (returnCase.kind == CaseKind.CLAIM) {
            returnCase.requestClaimRefund(returnCase.claimedAmount, now);
            outbox.publish(new RefundRequested(UUID.randomUUID(), now, returnCase.id, returnCase.orderId,
                    returnCase.customerId, returnCase.money(returnCase.refundRequested), List.of(),
                    returnCase.settlement.name(), returnCase.reasonCode + ": " + returnCase.reason));
        }
    }

    private ReturnCase awaitingDecision(UUID id) {
        ReturnCase returnCase = find(id, "decide");
        expectState(returnCase, ReturnState.REQUESTED, "a person can authorize or reject it");
        return returnCase;
    }

    private static ReturnCase find(UUID id, String what) {
        return ReturnCase.<ReturnCase>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("return", id));
    }

    private static void expectState(ReturnCase returnCase, ReturnState expected, String what) {
        if (returnCase.state != expected) {
            throw ProblemException.conflict("Case is " + returnCase.state, "case " + returnCase.id + " is "
                    + returnCase.state + ": only while " + expected + " " + what);
        }
    }

    /** A partial refund needs an amount below the whole and a reason; no refund a reason; the others no amount. */
    private static void checkResolution(ReturnCase returnCase, ReceiptRequest request, Resolution resolution) {
        boolean reasoned = request.refundReason() != null && !request.refundReason().isBlank();
        if (resolution == Resolution.PARTIAL_REFUND) {
            if (request.refundAmount() == null) {
                throw ProblemException.badRequest("refundAmount", "is required for a PARTIAL_REFUND");
            }
            if (!reasoned) {
                throw ProblemException.badRequest("refundReason", "is required for a PARTIAL_REFUND");
            }
            BigDecimal whole = returnCase.totals().gross().amount();
            if (request.refundAmount().compareTo(whole) >= 0) {
                throw ProblemException.unprocessable("Partial refund not below the whole", "a partial refund of "
                        + request.refundAmount().toPlainString() + " " + returnCase.currency + " must be less than "
                        + "the return's gross of " + whole.toPlainString() + " " + returnCase.currency);
            }
        } else if (request.refundAmount() != null) {
            throw ProblemException.badRequest("refundAmount", "only a PARTIAL_REFUND names an amount");
        }
        if (resolution == Resolution.NO_REFUND && !reasoned) {
            throw ProblemException.badRequest("refundReason", "is required for NO_REFUND");
        }
    }

    /** The requested lines at their agreed prices; 422 naming every line that cannot come back (that much). */
    private static List<ReturnCaseLine> returnable(AgreedOrder order, List<ReturnRequest.Line> requested) {
        Map<Integer, BigDecimal> shipped = Shipment.shippedPerLine(order.id);
        if (shipped.isEmpty()) {
            throw ProblemException.unprocessable("Nothing shipped", "nothing of order " + order.id
                    + " is known to returns as shipped (yet): only shipped goods can be returned");
        }
        Map<Integer, BigDecimal> returned = ReturnCase.returnedPerLine(order.id);
        List<String> faults = new ArrayList<>();
        List<ReturnCaseLine> lines = new ArrayList<>();
        for (ReturnRequest.Line line : requested) {
            Optional<AgreedOrder.Line> agreed = order.line(line.lineNo());
            if (agreed.isEmpty()) {
                faults.add("line " + line.lineNo() + " is not a line of the order");
                continue;
            }
            BigDecimal shippedQuantity = shipped.getOrDefault(line.lineNo(), BigDecimal.ZERO);
            BigDecimal returnedQuantity = returned.getOrDefault(line.lineNo(), BigDecimal.ZERO);
            BigDecimal returnable = shippedQuantity.subtract(returnedQuantity);
            if (line.quantity().compareTo(returnable) > 0) {
                faults.add("line %d: %s requested, but only %s returnable (%s shipped, %s already returned)".formatted(
                        line.lineNo(), plain(line.quantity()), plain(returnable), plain(shippedQuantity),
                        plain(returnedQuantity)));
                continue;
            }
            AgreedOrder.Line price = agreed.get();
            lines.add(ReturnCaseLine.of(line.lineNo(), price.sku, line.quantity(), price.unitPrice,
                    price.discountPercent, price.taxRate));
        }
        if (!faults.isEmpty()) {
            throw ProblemException.unprocessable("More than shipped and not yet returned",
                    "order " + order.id + ": " + String.join("; ", faults));
        }
        return lines;
    }

    private static Map<Integer, ItemCondition> conditions(ReturnCase returnCase, ReceiptRequest request) {
        Map<Integer, ItemCondition> conditions = new HashMap<>();
        request.lines().forEach(line -> conditions.put(line.lineNo(), line.condition()));
        List<String> faults = new ArrayList<>();
        Set<Integer> authorized = new HashSet<>();
        for (ReturnCaseLine line : returnCase.lines) {
            authorized.add(line.lineNo);
            if (!conditions.containsKey(line.lineNo)) {
                faults.add("line " + line.lineNo + " is authorized and needs its condition");
            }
        }
        for (Integer lineNo : conditions.keySet()) {
            if (!authorized.contains(lineNo)) {
                faults.add("line " + lineNo + " is not authorized in this return");
            }
        }
        if (!faults.isEmpty()) {
            throw ProblemException.unprocessable("Receipt does not match the authorized lines",
                    "return " + returnCase.id + ": " + String.join("; ", faults.stream().sorted().toList()));
        }
        return conditions;
    }

    private static void noLineTwice(List<Integer> lineNos) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < lineNos.size(); i++) {
            if (!seen.add(lineNos.get(i))) {
                throw ProblemException.badRequest("lines[" + i + "].lineNo",
                        "line " + lineNos.get(i) + " is named more than once");
            }
        }
    }

    /** The customer's words, else the reason's code: what the events carry as {@code reason}. */
    private static String reasonText(ReturnCase returnCase) {
        return returnCase.reason != null && !returnCase.reason.isBlank() ? returnCase.reason
                : returnCase.reasonCode.name();
    }

    private static List<ReturnLine> eventLines(ReturnCase returnCase) {
        return returnCase.lines.stream().map(line -> new ReturnLine(line.lineNo, line.sku, line.plainQuantity())).toList();
    }

    private static String plain(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }
}
