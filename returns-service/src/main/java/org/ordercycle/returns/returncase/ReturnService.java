package org.ordercycle.returns.returncase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.ordercycle.events.billing.RefundPaid;
import org.ordercycle.events.returns.ItemCondition;
import org.ordercycle.events.returns.ReceivedLine;
import org.ordercycle.events.returns.RefundRequested;
import org.ordercycle.events.returns.ReturnAuthorized;
import org.ordercycle.events.returns.ReturnClosed;
import org.ordercycle.events.returns.ReturnLine;
import org.ordercycle.events.returns.ReturnReceived;
import org.ordercycle.events.returns.ReturnRequested;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.returns.order.AgreedOrder;
import org.ordercycle.returns.order.Shipment;

/**
 * Return cases: authorizes what was shipped and not yet returned, receives the goods and asks billing for the
 * refund at the agreed prices, closes the case when billing paid it.
 */
@ApplicationScoped
@Transactional
public class ReturnService {

    private static final Logger LOG = Logger.getLogger(ReturnService.class);

    private final Outbox outbox;
    private final Clock clock;

    ReturnService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public ReturnView request(ReturnRequest request, String by) {
        noLineTwice(request.lines().stream().map(ReturnRequest.Line::lineNo).toList());
        // Locked: a second return of the same order waits here and then sees this one's quantities.
        AgreedOrder order = AgreedOrder.lockForReturn(request.orderId())
                .orElseThrow(() -> ProblemException.unprocessable("Unknown order", "order " + request.orderId()
                        + " is not known to returns (yet): its acceptance has not reached returns"));
        List<ReturnCaseLine> lines = returnable(order, request.lines());
        Instant now = clock.instant();
        ReturnCase returnCase = ReturnCase.request(order.id, order.customerId, order.currency, lines,
                request.reason(), by, now);
        List<ReturnLine> eventLines = eventLines(returnCase);
        outbox.publish(new ReturnRequested(UUID.randomUUID(), now, returnCase.id, order.id, order.customerId,
                eventLines, returnCase.reason, by));
        // Authorized by rule for now: everything shipped and not yet returned may come back.
        returnCase.authorize(now);
        outbox.publish(new ReturnAuthorized(UUID.randomUUID(), now, returnCase.id, order.id, order.customerId,
                eventLines, returnCase.reason, null));
        return ReturnView.from(returnCase);
    }

    public ReturnView receive(UUID id, ReceiptRequest request, String by) {
        noLineTwice(request.lines().stream().map(ReceiptRequest.Line::lineNo).toList());
        ReturnCase returnCase = ReturnCase.<ReturnCase>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("return", id));
        if (returnCase.state != ReturnState.AUTHORIZED) {
            throw ProblemException.conflict("Return not authorized",
                    "return " + id + " is " + returnCase.state + ": only an AUTHORIZED return can be received");
        }
        Map<Integer, ItemCondition> conditions = conditions(returnCase, request);
        Instant now = clock.instant();
        returnCase.receive(conditions, by, now);
        outbox.publish(new ReturnReceived(UUID.randomUUID(), now, returnCase.id, returnCase.orderId,
                returnCase.lines.stream().map(line -> new ReceivedLine(line.lineNo, line.sku, line.plainQuantity(),
                        line.condition)).toList(), by));
        outbox.publish(new RefundRequested(UUID.randomUUID(), now, returnCase.id, returnCase.orderId,
                returnCase.customerId, returnCase.money(returnCase.refundRequested), eventLines(returnCase), null, null));
        return ReturnView.from(returnCase);
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
        if (returnCase.closeRefunded(event.refundId(), event.amount().amount(), now)) {
            outbox.publish(new ReturnClosed(UUID.randomUUID(), now, returnCase.id, returnCase.orderId, "REFUNDED"));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReturnView> find(UUID id) {
        return ReturnCase.<ReturnCase>findByIdOptional(id).map(ReturnView::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReturnView> ofOrder(UUID orderId) {
        return ReturnCase.<ReturnCase>list("orderId = ?1 order by requestedAt, id", orderId).stream()
                .map(ReturnView::from).toList();
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

    private static List<ReturnLine> eventLines(ReturnCase returnCase) {
        return returnCase.lines.stream().map(line -> new ReturnLine(line.lineNo, line.sku, line.plainQuantity())).toList();
    }

    private static String plain(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }
}
