package org.ordercycle.sales.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.money.Amounts;
import org.ordercycle.sales.policy.SelectionPolicy.Demand;

/**
 * A customer's order as sales entered, priced and accepted it, and what sales has learnt since of its way through
 * the departments. The status is never set from outside: every transition records its fact and the status follows
 * from all facts known (events of different departments arrive in any order).
 */
@Entity
@Table(name = "sales_order")
public class Order extends PanacheEntityBase {

    static final String RESERVED = "RESERVED";
    static final String BACKORDERED = "BACKORDERED";

    @Id
    public UUID id;

    public UUID customerId;

    @Enumerated(EnumType.STRING)
    public OrderStatus status;

    // Lines are never shown or sent without their order.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sales_order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("lineNo")
    public List<OrderLine> lines = new ArrayList<>();

    /** The customer's currency when the order was placed: every line's price is in it. */
    @Column(columnDefinition = "char(3)")
    public String currency;

    /** Copied from the customer: internal orders are flagged and priced by internal rules. */
    @Enumerated(EnumType.STRING)
    public Classification classification;

    public LocalDate requestedDate;

    /** The delivery date promised on acceptance. */
    public LocalDate promisedDate;

    /** User name of the salesperson who placed the order and owns it. */
    public String salesperson;

    public Instant placedAt;

    public Instant acceptedAt;

    /** Production's latest reservation snapshot: RESERVED or BACKORDERED, null before the first. */
    public String reservation;

    public Instant cancelledAt;

    /** Put on hold (credit limit) and not yet released: null when not held. */
    public Instant heldAt;

    public String holdReason;

    /** In the manager queue since: null when the policy accepted it or it never got that far. */
    public Instant awaitingSince;

    public Instant declinedAt;

    /** Why it was accepted or declined, as the deciding manager (or the policy) said. */
    public String decisionReason;

    /** User name of the manager who decided, or selection-policy. */
    public String decidedBy;

    /** The selection policy's latest score (0–100) and how it was made up. */
    public Integer score;

    public String scoreBreakdown;

    /** The scheduling rank sent with the acceptance: the score, 100 for a replacement. */
    public Integer priority;

    /** When the order entered its current status: what the watchdog measures. */
    public Instant statusSince;

    /** The statusSince of the visit the watchdog last reported as stalled: once per visit. */
    public Instant stalledReportedFor;

    /** Production's planned completion (production.schedule): later than promised means at risk. */
    public LocalDate plannedCompletion;

    public UUID quoteId;

    /** The order this one replaces (a replacement after a return). */
    public UUID originalOrderId;

    /** The return that asked for this replacement: one replacement per return. */
    public UUID replacementForReturn;

    /** What was clarified with the customer (from the quote), and what the customer will check on delivery. */
    public String clarificationSummary;

    public String acceptanceCriteria;

    @Version
    public long version;

    /** Placed in this transaction: no other department can have heard of it, so it has no shipments or returns. */
    @Transient
    private boolean placedNow;

    /**
     * The steps of an order placed in this transaction and not yet written: inserted with it ({@link #persistPlaced()}
     * or {@link PlacedOrders#insert(Order)}); null once the order is written, when each new step is persisted at once.
     */
    @Transient
    private List<TimelineEntry> unsavedSteps;

    /**
     * What this transaction added to the order and the session may not have flushed yet: the event ids of its new
     * timeline entries and its new return cases. The queries that look for earlier entries and returns read the
     * database without flushing the session first (Hibernate's auto-flush dirty-checks every managed entity, the
     * order's lines among them: most of an event handler's CPU) and add these.
     */
    @Transient
    private Set<UUID> recordedNow;

    @Transient
    private List<OrderReturn> returnsOpenedNow;

    /** The links an order may have to where it came from; all absent for an ordinary order. */
    record Origin(UUID quoteId, UUID originalOrderId, UUID replacementForReturn, String clarificationSummary,
            List<String> acceptanceCriteria) {

        static final Origin NONE = new Origin(null, null, null, null, List.of());
    }

    /**
     * A new order, not yet persisted: the placement persists it once its credit check and selection are done, so its
     * row is inserted once with its final state (Hibernate inserts the state an entity had when persisted and would
     * update it again at commit). Its timeline steps may be inserted first (they reference the order without a
     * foreign key since V10: they are written only through their order).
     */
    static Order place(UUID customerId, String currency, Classification classification, List<OrderLine> pricedLines,
            LocalDate requestedDate, String salesperson, Origin origin, Instant now) {
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.customerId = customerId;
        order.status = OrderStatus.PLACED;
        order.statusSince = now;
        order.lines.addAll(pricedLines);
        order.currency = currency;
        order.classification = classification;
        order.requestedDate = requestedDate;
        order.salesperson = salesperson;
        order.placedAt = now;
        order.placedNow = true;
        order.unsavedSteps = new ArrayList<>(2);
        order.quoteId = origin.quoteId();
        order.originalOrderId = origin.originalOrderId();
        order.replacementForReturn = origin.replacementForReturn();
        order.clarificationSummary = origin.clarificationSummary();
        order.acceptanceCriteria = origin.acceptanceCriteria() == null || origin.acceptanceCriteria().isEmpty() ? null
                : String.join("\n", origin.acceptanceCriteria());
        return order;
    }

    /**
     * Quantity per SKU of the orders accepted in [from, to) and not cancelled: the demand that actually came,
     * replacements aside (they are no new demand).
     */
    public static Map<String, BigDecimal> acceptedQuantities(Instant from, Instant to) {
        List<Object[]> rows = getEntityManager().createQuery("select l.sku, sum(l.quantity) from Order o "
                + "join o.lines l where o.acceptedAt >= :from and o.acceptedAt < :to and o.cancelledAt is null "
                + "and o.originalOrderId is null group by l.sku", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        Map<String, BigDecimal> quantities = new java.util.HashMap<>();
        rows.forEach(row -> quantities.put((String) row[0], (BigDecimal) row[1]));
        return quantities;
    }

    /** The orders accepted in [from, to) and not cancelled, oldest first. */
    public static List<Order> acceptedBetween(Instant from, Instant to) {
        return list("acceptedAt >= ?1 and acceptedAt < ?2 and cancelledAt is null order by acceptedAt, id", from, to);
    }

    /** Each line's net at the agreed price and production's cost (null when unknown), for the revenue report. */
    public List<LineFigures> lineFigures() {
        return lines.stream().map(line -> new LineFigures(line.sku, line.amounts().net(), line.cost())).toList();
    }

    public record LineFigures(String sku, BigDecimal net, BigDecimal cost) {
    }

    public boolean internal() {
        return classification != null && classification != Classification.EXTERNAL;
    }

    List<Demand> demand() {
        return lines.stream().map(line -> new Demand(line.sku, line.quantity)).toList();
    }

    /** The SKUs the order's lines name, each once. */
    List<String> skus() {
        return lines.stream().map(line -> line.sku).distinct().toList();
    }

    List<String> acceptanceCriteria() {
        return acceptanceCriteria == null ? List.of() : List.of(acceptanceCriteria.split("\n"));
    }

    /** The credit check stopped it: it waits for a sales manager. Returns the decision, to write with its step. */
    OrderDecision hold(String reason, Instant now) {
        undecided("put on hold");
        if (heldAt != null) {
            throw ProblemException.conflict("Order already on hold", "order " + id + " is on hold since " + heldAt);
        }
        heldAt = now;
        holdReason = reason;
        refreshStatus(now);
        return new OrderDecision("HELD", "system", reason, null);
    }

    /** A sales manager released it from hold; the selection policy decides next. */
    OrderDecision release(String by, String reason, Instant now) {
        if (heldAt == null || decided()) {
            throw ProblemException.conflict("Order not on hold", "order " + id + " is " + status
                    + ": only an order on hold can be released");
        }
        heldAt = null;
        refreshStatus(now);
        return new OrderDecision("RELEASED", by, reason, null);
    }

    /** The policy scored it; below the threshold it waits in the manager queue. */
    void scored(int score, String breakdown) {
        this.score = score;
        this.scoreBreakdown = breakdown;
    }

    OrderDecision awaitDecision(Instant now) {
        undecided("queued");
        awaitingSince = now;
        refreshStatus(now);
        return new OrderDecision("QUEUED", OrderService.SELECTION_POLICY, scoreBreakdown, score);
    }

    OrderDecision accept(LocalDate promisedDate, int priority, String by, String reason, Instant now) {
        undecided("accepted");
        if (heldAt != null) {
            throw ProblemException.conflict("Order on hold", "order " + id + " is on hold (" + holdReason
                    + "): release it first");
        }
        this.promisedDate = promisedDate;
        this.priority = priority;
        this.acceptedAt = now;
        this.decidedBy = by;
        this.decisionReason = reason;
        refreshStatus(now);
        return new OrderDecision("ACCEPTED", by, reason, score);
    }

    OrderDecision decline(String by, String reason, Instant now) {
        undecided("declined");
        declinedAt = now;
        decidedBy = by;
        decisionReason = reason;
        refreshStatus(now);
        return new OrderDecision("DECLINED", by, reason, score);
    }

    /** Manager decisions are for orders the policy left to them (queued or held). */
    void requireWaitingForAManager() {
        if (status != OrderStatus.AWAITING_DECISION && status != OrderStatus.ON_HOLD) {
            throw ProblemException.conflict("Order not waiting for a decision", "order " + id + " is " + status
                    + ": only a queued or held order is decided by a manager");
        }
    }

    boolean decided() {
        return acceptedAt != null || declinedAt != null || cancelledAt != null;
    }

    private void undecided(String what) {
        if (decided()) {
            throw ProblemException.conflict("Order already decided", "order " + id + " is " + status
                    + " and cannot be " + what + " any more");
        }
    }

    void cancel(Instant now) {
        if (cancelledAt != null) {
            throw ProblemException.conflict("Order already cancelled", "order " + id + " was cancelled at "
                    + cancelledAt);
        }
        if (declinedAt != null) {
            throw ProblemException.conflict("Order declined", "order " + id + " was declined at " + declinedAt);
        }
        if (OrderShipment.count("orderId", id) > 0) {
            throw ProblemException.conflict("Order already shipped",
                    "order " + id + " has shipped (in part) and can no longer be cancelled: return it instead");
        }
        cancelledAt = now;
        refreshStatus(now);
    }

    /** Quantities or requested date changed before shipment; the caller has re-priced and re-scored it. */
    void amend(Map<Integer, BigDecimal> quantityByLine, LocalDate requestedDate, LocalDate promisedDate, Instant now) {
        if (acceptedAt == null || cancelledAt != null) {
            throw ProblemException.conflict("Order not accepted", "order " + id + " is " + status
                    + ": only an accepted order that has not shipped completely can be amended");
        }
        if (lines.stream().allMatch(OrderLine::fullyShipped)) {
            throw ProblemException.conflict("Order shipped", "order " + id + " has shipped completely");
        }
        for (OrderLine line : lines) {
            BigDecimal quantity = quantityByLine.get(line.lineNo);
            if (quantity != null) {
                line.amendQuantity(quantity);
            }
        }
        this.requestedDate = requestedDate;
        this.promisedDate = promisedDate;
        refreshStatus(now);
    }

    /** Production planned (or re-planned) when the order will be ready. */
    void scheduled(LocalDate plannedCompletion) {
        this.plannedCompletion = plannedCompletion;
    }

    /** Production will finish after the promised date. */
    public boolean atRisk() {
        return plannedCompletion != null && promisedDate != null && plannedCompletion.isAfter(promisedDate)
                && status.undelivered();
    }

    /** The watchdog found the order in its status longer than allowed; false when it reported this visit already. */
    public boolean stalled() {
        if (statusSince == null || statusSince.equals(stalledReportedFor)) {
            return false;
        }
        stalledReportedFor = statusSince;
        return true;
    }

    /** A reservation snapshot from production: everything reserved, or some of it still back-ordered. */
    void reservationChanged(boolean backordered, Instant at) {
        reservation = backordered ? BACKORDERED : RESERVED;
        refreshStatus(at);
    }

    /** Production dispatched a shipment; false (and nothing changed) when sales already knows it. */
    boolean dispatched(UUID shipmentId, Map<Integer, BigDecimal> quantityByLine, Instant shippedAt) {
        if (OrderShipment.findById(shipmentId) != null) {
            return false;
        }
        OrderShipment shipment = new OrderShipment();
        shipment.shipmentId = shipmentId;
        shipment.orderId = id;
        shipment.shippedAt = shippedAt;
        shipment.persist();
        for (OrderLine line : lines) {
            BigDecimal quantity = quantityByLine.get(line.lineNo);
            if (quantity != null) {
                line.shipped(quantity);
            }
        }
        refreshStatus(shippedAt);
        return true;
    }

    /** Billing invoiced (part of) the order; false when sales already knows the invoice. */
    boolean invoiced(UUID invoiceId, String number, BigDecimal gross, String currency, List<UUID> shipmentIds,
            Instant at) {
        if (OrderInvoice.findById(invoiceId) != null) {
            return false;
        }
        OrderInvoice invoice = new OrderInvoice();
        invoice.invoiceId = invoiceId;
        invoice.orderId = id;
        invoice.number = number;
        invoice.gross = gross;
        invoice.currency = currency;
        invoice.shipmentIds.addAll(shipmentIds);
        invoice.persist();
        refreshStatus(at);
        return true;
    }

    void paid(OrderInvoice invoice, BigDecimal amount, Instant at) {
        invoice.paid(amount);
        refreshStatus(at);
    }

    void returnRequested(UUID returnId, Instant at) {
        returnCase(returnId);
        refreshStatus(at);
    }

    void returnClosed(UUID returnId, Instant at) {
        returnCase(returnId).closed = true;
        refreshStatus(at);
    }

    void refundPaid(UUID returnId, Instant at) {
        returnCase(returnId).refunded = true;
        refreshStatus(at);
    }

    private OrderReturn returnCase(UUID returnId) {
        OrderReturn found = OrderReturn.findById(returnId);
        if (found == null) {
            found = new OrderReturn();
            found.returnId = returnId;
            found.orderId = id;
            found.persist();
            if (returnsOpenedNow == null) {
                returnsOpenedNow = new ArrayList<>(1);
            }
            returnsOpenedNow.add(found);
        }
        return found;
    }

    /** Adds a step sales itself takes now (its event id is new): no need to look for an earlier entry. */
    void step(UUID eventId, String step, Instant occurredAt, String by, String summary) {
        step(eventId, step, occurredAt, by, summary, null);
    }

    /** As {@link #step(UUID, String, Instant, String, String)}, recording the acceptance decision it took too. */
    void step(UUID eventId, String step, Instant occurredAt, String by, String summary, OrderDecision decision) {
        add(eventId, step, occurredAt, "sales", by, summary, decision);
    }

    /** Adds a step to the order's timeline, once per event. */
    public void record(UUID eventId, String step, Instant occurredAt, String department, String by, String summary) {
        if (recordedNow != null && recordedNow.contains(eventId) || TimelineEntry.recorded(id, eventId)) {
            return;
        }
        add(eventId, step, occurredAt, department, by, summary, null);
    }

    private void add(UUID eventId, String step, Instant occurredAt, String department, String by, String summary,
            OrderDecision decision) {
        if (recordedNow == null) {
            recordedNow = new HashSet<>(4);
        }
        recordedNow.add(eventId);
        TimelineEntry entry = new TimelineEntry();
        entry.orderId = id;
        entry.eventId = eventId;
        entry.step = step;
        entry.occurredAt = occurredAt;
        entry.department = department;
        entry.by = by;
        entry.summary = summary;
        if (decision != null) {
            entry.decision = decision.decision();
            entry.decidedBy = decision.by();
            entry.decisionReason = decision.reason();
            entry.score = decision.score();
        }
        if (unsavedSteps != null) {
            unsavedSteps.add(entry);
        } else {
            entry.persist();
        }
    }

    /** Persists an order placed in this transaction, with its steps, through the transaction's session. */
    void persistPlaced() {
        persist();
        written().forEach(step -> step.persist());
    }

    /** The steps to write with the order placed in this transaction; from now on new steps are persisted at once. */
    List<TimelineEntry> written() {
        if (unsavedSteps == null) {
            throw new IllegalStateException("order " + id + " was written already");
        }
        List<TimelineEntry> steps = unsavedSteps;
        unsavedSteps = null;
        return steps;
    }

    List<TimelineEntry> timeline() {
        return TimelineEntry.list("orderId = ?1 order by occurredAt, id", id);
    }

    /** Production's cost of the whole order; null while a line's cost is unknown. */
    BigDecimal cost() {
        BigDecimal cost = BigDecimal.ZERO;
        for (OrderLine line : lines) {
            BigDecimal lineCost = line.cost();
            if (lineCost == null) {
                return null;
            }
            cost = cost.add(lineCost);
        }
        return cost;
    }

    /** Net, tax (once per rate) and gross of the order; null for an order placed before sales priced orders. */
    Amounts.Totals totals() {
        if (lines.isEmpty() || !lines.stream().allMatch(OrderLine::priced)) {
            return null;
        }
        return Amounts.totals(lines.stream().map(OrderLine::amounts).toList(), currency);
    }

    private void refreshStatus(Instant at) {
        OrderStatus derived = derivedStatus();
        if (derived != status || statusSince == null) {
            statusSince = at;
        }
        status = derived;
    }

    /** The order's return cases: those in the database (as managed now) and those this transaction opened. */
    private List<OrderReturn> returns() {
        List<OrderReturn> returns = OrderReturn.stored(id);
        if (returnsOpenedNow != null) {
            returnsOpenedNow.stream().filter(opened -> !returns.contains(opened)).forEach(returns::add);
        }
        return returns;
    }

    private OrderStatus derivedStatus() {
        if (cancelledAt != null) {
            return OrderStatus.CANCELLED;
        }
        if (declinedAt != null) {
            return OrderStatus.DECLINED;
        }
        if (acceptedAt == null) {
            if (heldAt != null) {
                return OrderStatus.ON_HOLD;
            }
            return awaitingSince != null ? OrderStatus.AWAITING_DECISION : OrderStatus.PLACED;
        }
        if (placedNow) {
            return OrderStatus.ACCEPTED;
        }
        List<OrderReturn> returns = returns();
        if (returns.stream().anyMatch(OrderReturn::open)) {
            return OrderStatus.RETURN_REQUESTED;
        }
        if (returns.stream().anyMatch(returned -> returned.refunded)) {
            return OrderStatus.REFUNDED;
        }
        boolean allShipped = lines.stream().allMatch(OrderLine::fullyShipped);
        boolean anyShipped = lines.stream().anyMatch(line -> line.shipped.signum() > 0);
        if (allShipped) {
            List<OrderShipment> shipments = OrderShipment.list("orderId", id);
            List<OrderInvoice> invoices = OrderInvoice.list("orderId", id);
            Set<UUID> invoicedShipments = new HashSet<>();
            invoices.forEach(invoice -> invoicedShipments.addAll(invoice.shipmentIds));
            boolean allInvoiced = !shipments.isEmpty()
                    && shipments.stream().allMatch(shipment -> invoicedShipments.contains(shipment.shipmentId));
            if (allInvoiced) {
                return invoices.stream().allMatch(OrderInvoice::fullyPaid) ? OrderStatus.PAID : OrderStatus.INVOICED;
            }
            return OrderStatus.SHIPPED;
        }
        if (anyShipped) {
            return OrderStatus.PARTIALLY_SHIPPED;
        }
        if (BACKORDERED.equals(reservation)) {
            return OrderStatus.BACKORDERED;
        }
        if (RESERVED.equals(reservation)) {
            return OrderStatus.RESERVED;
        }
        return acceptedAt != null ? OrderStatus.ACCEPTED : OrderStatus.PLACED;
    }
}
