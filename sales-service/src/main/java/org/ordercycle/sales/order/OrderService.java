package org.ordercycle.sales.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ordercycle.events.Event;
import org.ordercycle.events.Money;
import org.ordercycle.events.production.ExpediteAnswered;
import org.ordercycle.events.returns.ReplacementRequested;
import org.ordercycle.events.returns.ReturnLine;
import org.ordercycle.events.sales.ExpediteRequested;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderAmended;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.events.sales.OrderDeclined;
import org.ordercycle.events.sales.OrderOnHold;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.events.sales.OrderReleased;
import org.ordercycle.kit.api.Problem;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.money.Amounts;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.kit.outbox.Publication;
import org.ordercycle.sales.Decimals;
import org.ordercycle.sales.credit.CreditCheck;
import org.ordercycle.sales.customer.Customer;
import org.ordercycle.sales.customer.CustomerTerms;
import org.ordercycle.sales.policy.Score;
import org.ordercycle.sales.policy.SelectionPolicy;
import org.ordercycle.sales.pricing.PricedLine;
import org.ordercycle.sales.pricing.Pricing;
import org.ordercycle.sales.product.Product;
import org.ordercycle.sales.product.ProductFigures;

/**
 * Takes orders for the customers sales knows: prices them (a derivation), holds them when the customer's credit would
 * be exceeded, lets the selection policy accept them or queue them for a sales manager, and tells the other
 * departments about each step. Also the manager's decisions, amendments, expedite requests and replacements.
 */
@ApplicationScoped
@Transactional
public class OrderService {

    /** RFC 3339 dates have four-digit years (and PostgreSQL's driver would store LocalDate.MAX as infinity). */
    private static final int MAX_YEAR = 9999;

    /** Who decides an automatic acceptance. */
    static final String SELECTION_POLICY = "selection-policy";
    /** A replacement's scheduling rank: before everything else. */
    static final int REPLACEMENT_PRIORITY = 100;
    private static final String SALES = "sales";

    private final Outbox outbox;
    private final Clock clock;
    private final Pricing pricing;
    private final SelectionPolicy policy;
    private final CreditCheck credit;
    private final PlacedOrders placedOrders;

    OrderService(Outbox outbox, Clock clock, Pricing pricing, SelectionPolicy policy, CreditCheck credit,
            PlacedOrders placedOrders) {
        this.outbox = outbox;
        this.placedOrders = placedOrders;
        this.clock = clock;
        this.pricing = pricing;
        this.policy = policy;
        this.credit = credit;
    }

    public OrderView place(OrderRequest request, String salesperson) {
        LocalDate today = LocalDate.now(clock);
        requireValidRequestedDate(request.requestedDate(), today);
        Pricing.Priced priced = pricing.price(request.customerId(), request.lines().stream()
                .map(line -> new Pricing.Wanted(line.sku(), line.quantity())).toList(), today);
        return placePriced(priced.customer(), priced.lines(), priced.products(), request.requestedDate(),
                salesperson, Order.Origin.NONE);
    }

    /**
     * A quote's priced lines become an order, carrying the quote and its clarification; in the caller's transaction
     * (the quote's acceptance).
     */
    public OrderView placeFromQuote(UUID quoteId, UUID customerId, List<PricedLine> lines, LocalDate requestedDate,
            String salesperson, String clarificationSummary, List<String> acceptanceCriteria) {
        requireValidRequestedDate(requestedDate, LocalDate.now(clock));
        CustomerTerms customer = Customer.orderable(customerId);
        return placePriced(customer, lines, Product.bySku(lines.stream().map(PricedLine::sku).distinct().toList()),
                requestedDate, salesperson,
                new Order.Origin(quoteId, null, null, clarificationSummary, acceptanceCriteria));
    }

    /**
     * The order is placed, credit-checked and decided in memory, then written: its events through the outbox in one
     * call (one lock statement, one batch: OrderPlaced first, then the hold or the acceptance), its rows at commit.
     */
    private OrderView placePriced(CustomerTerms customer, List<PricedLine> priced,
            Map<String, ProductFigures> products, LocalDate requestedDate, String salesperson, Order.Origin origin) {
        Instant now = clock.instant();
        Order order = Order.place(customer.id(), customer.currency(), customer.classification(),
                priced.stream().map(OrderLine::priced).toList(), requestedDate, salesperson, origin, now);
        Amounts.Totals totals = order.totals(); // the lines do not change while the order is placed
        OrderPlaced placed = placed(order);
        order.step(placed.eventId(), "ORDER_PLACED", now, salesperson,
                order.lines.size() + (order.lines.size() == 1 ? " line, " : " lines, ") + "gross "
                        + amount(totals.gross()) + (origin.quoteId() == null ? "" : " (quote "
                        + origin.quoteId() + ")"));
        List<Publication> publications = new ArrayList<>(2);
        publications.add(Publication.of(placed));
        proceed(order, customer, products, totals, now).ifPresent(next -> publications.add(Publication.of(next)));
        outbox.publishAll(publications);
        placedOrders.insert(order); // decided: inserted once, with its final state
        return OrderView.fromNew(order, totals);
    }

    /** After placement: the credit check, then the selection policy; the event to publish, if any. */
    private Optional<Event> proceed(Order order, CustomerTerms customer, Map<String, ProductFigures> products,
            Amounts.Totals totals, Instant now) {
        Optional<String> exceeded = credit.exceeded(customer, totals.gross());
        if (exceeded.isPresent()) {
            OrderDecision decision = order.hold(exceeded.get(), now);
            OrderOnHold held = new OrderOnHold(UUID.randomUUID(), now, order.id, exceeded.get(), "system");
            order.step(held.eventId(), "ORDER_ON_HOLD", now, "system", exceeded.get(), decision);
            return Optional.of(held);
        }
        return decide(order, customer.tier(), products, totals.net().amount(), now);
    }

    /**
     * The selection policy scores the order: accepted automatically above the threshold (the OrderAccepted to
     * publish is returned), else queued (nothing to publish).
     */
    private Optional<Event> decide(Order order, String tier, Map<String, ProductFigures> products, BigDecimal net,
            Instant now) {
        List<SelectionPolicy.Demand> demand = order.demand();
        LocalDate promised = PromisedDate.of(demand, products, order.requestedDate, LocalDate.now(clock));
        Score score = policy.score(tier, net, order.cost(), demand, products,
                order.requestedDate, promised);
        order.scored(score.total(), score.breakdown());
        if (score.autoAccept()) {
            return Optional.of(accept(order, promised, score.total(), SELECTION_POLICY,
                    "accepted automatically: " + score.breakdown(), true, now));
        }
        OrderDecision decision = order.awaitDecision(now);
        order.step(UUID.randomUUID(), "ORDER_QUEUED", now, SELECTION_POLICY,
                "waits for a sales manager: " + score.breakdown(), decision);
        return Optional.empty();
    }

    /** Accepts the order; the caller publishes the OrderAccepted returned. */
    private OrderAccepted accept(Order order, LocalDate promised, int priority, String by, String reason,
            boolean automatic, Instant now) {
        OrderDecision decision = order.accept(promised, priority, by, reason, now);
        OrderAccepted accepted = new OrderAccepted(UUID.randomUUID(), now, order.id, order.customerId,
                eventLines(order), order.currency, priority, promised, by, automatic, order.quoteId,
                order.clarificationSummary, order.acceptanceCriteria().isEmpty() ? null : order.acceptanceCriteria());
        order.step(accepted.eventId(), "ORDER_ACCEPTED", now, automatic ? SALES : by,
                (automatic ? "accepted automatically" : "accepted by " + by + ": " + reason) + ", priority "
                        + priority + ", promised for " + promised, decision);
        return accepted;
    }

    public OrderView release(UUID id, ReleaseRequest request, String by) {
        Order order = locked(id);
        Instant now = clock.instant();
        String reason = request == null ? null : request.reason();
        OrderDecision decision = order.release(by, reason, now);
        OrderReleased released = new OrderReleased(UUID.randomUUID(), now, id, reason, by);
        order.step(released.eventId(), "ORDER_RELEASED", now, by,
                reason == null ? "released from hold" : "released from hold: " + reason, decision);
        Customer customer = Customer.findById(order.customerId);
        List<Publication> publications = new ArrayList<>(2);
        publications.add(Publication.of(released));
        decide(order, customer == null ? null : customer.tier, Product.bySku(order.skus()),
                order.totals().net().amount(), now)
                .ifPresent(next -> publications.add(Publication.of(next)));
        outbox.publishAll(publications);
        return OrderView.from(order);
    }

    public OrderView acceptQueued(UUID id, DecisionRequest request, String by) {
        Order order = locked(id);
        order.requireWaitingForAManager();
        LocalDate promised = PromisedDate.of(order.demand(), order.requestedDate, LocalDate.now(clock));
        outbox.publish(accept(order, promised, order.score == null ? 0 : order.score, by, request.reason(), false,
                clock.instant()));
        return OrderView.from(order);
    }

    public OrderView decline(UUID id, DecisionRequest request, String by) {
        Order order = locked(id);
        order.requireWaitingForAManager();
        Instant now = clock.instant();
        OrderDecision decision = order.decline(by, request.reason(), now);
        OrderDeclined declined = new OrderDeclined(UUID.randomUUID(), now, id, request.reason(), by);
        order.step(declined.eventId(), "ORDER_DECLINED", now, by, "declined: " + request.reason(), decision);
        outbox.publish(declined);
        return OrderView.from(order);
    }

    public OrderView cancel(UUID id, CancelRequest request, String by) {
        Order order = locked(id);
        Instant now = clock.instant();
        order.cancel(now);
        String reason = request == null ? null : request.reason();
        OrderCancelled cancelled = new OrderCancelled(UUID.randomUUID(), now, id, reason, by);
        order.step(cancelled.eventId(), "ORDER_CANCELLED", now, by,
                reason == null ? "cancelled" : "cancelled: " + reason);
        outbox.publish(cancelled);
        return OrderView.from(order);
    }

    /**
     * New quantities or requested date for an accepted order that has not shipped completely. The policy checks the
     * amended order again: below its threshold only a sales manager may make the change.
     */
    public OrderView amend(UUID id, AmendRequest request, String by, boolean manager) {
        LocalDate today = LocalDate.now(clock);
        List<AmendRequest.Line> changes = request.lines() == null ? List.of() : request.lines();
        if (changes.isEmpty() && request.requestedDate() == null) {
            throw ProblemException.badRequest("lines", "name at least one line to change or a requestedDate");
        }
        requireValidRequestedDate(request.requestedDate(), today);
        Order order = locked(id);
        Map<Integer, OrderLine> byNo = order.lines.stream().collect(Collectors.toMap(line -> line.lineNo, l -> l));
        Map<Integer, BigDecimal> quantities = new HashMap<>();
        List<Problem.Violation> wrong = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            AmendRequest.Line change = changes.get(i);
            OrderLine line = byNo.get(change.lineNo());
            if (line == null) {
                wrong.add(new Problem.Violation("lines[" + i + "].lineNo", "order " + id + " has no line "
                        + change.lineNo()));
            } else if (change.quantity().compareTo(line.shipped) < 0) {
                wrong.add(new Problem.Violation("lines[" + i + "].quantity", "line " + change.lineNo() + " has "
                        + Decimals.plain(line.shipped) + " shipped already"));
            } else {
                quantities.put(change.lineNo(), change.quantity());
            }
        }
        if (!wrong.isEmpty()) {
            throw new ProblemException(Problem.of(422, "Lines that cannot be amended",
                    wrong.stream().map(Problem.Violation::message).collect(Collectors.joining("; ")))
                    .withViolations(wrong));
        }
        LocalDate requested = request.requestedDate() != null ? request.requestedDate() : order.requestedDate;
        Instant now = clock.instant();
        List<SelectionPolicy.Demand> demand = order.lines.stream().map(line -> new SelectionPolicy.Demand(line.sku,
                quantities.getOrDefault(line.lineNo, line.quantity))).toList();
        LocalDate promised = PromisedDate.of(demand, requested, today);
        order.amend(quantities, requested, promised, now);
        Customer customer = Customer.findById(order.customerId);
        Score score = policy.score(customer == null ? null : customer.tier, order.totals().net().amount(),
                order.cost(), order.demand(), requested, promised);
        if (!score.autoAccept() && !manager) {
            throw ProblemException.unprocessable("Amendment needs a sales manager", "the amended order would "
                    + score.breakdown() + ": only a sales manager may make this change");
        }
        order.scored(score.total(), score.breakdown());
        OrderAmended amended = new OrderAmended(UUID.randomUUID(), now, id, order.customerId, eventLines(order),
                order.currency, promised, request.reason(), by);
        order.step(amended.eventId(), "ORDER_AMENDED", now, by, "amended"
                + (request.reason() == null ? "" : " (" + request.reason() + ")") + ": " + order.lines.stream()
                .map(line -> "line " + line.lineNo + " × " + Decimals.plain(line.quantity))
                .collect(Collectors.joining(", ")) + ", promised for " + promised + "; " + score.breakdown());
        outbox.publish(amended);
        return OrderView.from(order);
    }

    public OrderView expedite(UUID id, ExpediteRequest request, String by) {
        LocalDate today = LocalDate.now(clock);
        if (request.wantedDate().isBefore(today)) {
            throw ProblemException.badRequest("wantedDate", "must not be before today (" + today + ")");
        }
        Order order = locked(id);
        if (order.acceptedAt == null || !order.status.undelivered()) {
            throw ProblemException.conflict("Order cannot be expedited", "order " + id + " is " + order.status
                    + ": only an accepted order that has not shipped completely can be expedited");
        }
        Instant now = clock.instant();
        OrderExpedite.request(id, request.wantedDate(), request.reason(), by, now);
        ExpediteRequested requested = new ExpediteRequested(UUID.randomUUID(), now, id, request.wantedDate(),
                request.reason(), by);
        order.step(requested.eventId(), "EXPEDITE_REQUESTED", now, by, "wanted by "
                + request.wantedDate() + (request.reason() == null ? "" : ": " + request.reason()));
        outbox.publish(requested);
        return OrderView.from(order);
    }

    /** Production's answer to an expedite request, shown on the order. */
    void expediteAnswered(ExpediteAnswered event) {
        Orders.known(event.orderId()).ifPresent(order -> {
            OrderExpedite expedite = OrderExpedite.open(order.id);
            if (expedite == null) { // an answer sales did not ask for (or asked for through another channel)
                expedite = OrderExpedite.request(order.id, event.newDate() != null ? event.newDate()
                        : order.promisedDate, null, "production", event.occurredAt());
            }
            expedite.answered(event.granted(), event.newDate(), event.cost() == null ? null : event.cost().amount(),
                    event.cost() == null ? null : event.cost().currency(), event.overtimeHours(),
                    event.displacedOrders(), event.reason(), event.occurredAt());
            String summary = event.granted()
                    ? "granted: ready by " + event.newDate() + (event.cost() == null ? "" : ", cost "
                            + amount(event.cost())) + (event.overtimeHours() == null ? "" : ", "
                            + Decimals.plain(event.overtimeHours()) + " h overtime") + ", "
                            + event.displacedOrders().size() + " order(s) displaced"
                    : "refused" + (event.reason() == null ? "" : ": " + event.reason());
            order.record(event.eventId(), "EXPEDITE_ANSWERED", event.occurredAt(), "production", "production",
                    summary);
        });
    }

    /**
     * Returns asks for replacement goods: a new order for the original's customer, linked to it, at no charge, with
     * top priority, accepted at once. One per return.
     */
    void replace(ReplacementRequested event) {
        Optional<Order> known = Orders.known(event.orderId());
        if (known.isEmpty() || Order.count("replacementForReturn", event.returnId()) > 0) {
            return;
        }
        Order original = known.get();
        Instant now = clock.instant();
        List<OrderLine> lines = new ArrayList<>();
        for (ReturnLine returned : event.lines()) {
            OrderLine originalLine = original.lines.stream().filter(line -> line.lineNo == returned.lineNo())
                    .findFirst().orElseGet(() -> original.lines.stream()
                            .filter(line -> line.sku.equals(returned.sku())).findFirst().orElse(null));
            if (originalLine == null) {
                continue; // nothing the original order had: nothing to replace
            }
            lines.add(OrderLine.replacement(lines.size() + 1, originalLine, returned.quantity()));
        }
        if (lines.isEmpty()) {
            return;
        }
        Order order = Order.place(original.customerId, original.currency, original.classification, lines, null,
                original.salesperson, new Order.Origin(null, original.id, event.returnId(), null, List.of()), now);
        OrderPlaced placed = placed(order);
        order.step(placed.eventId(), "ORDER_PLACED", now, "returns", "replacement for return "
                + event.returnId() + " of order " + original.id + ": " + lines.size() + " line(s), no charge");
        LocalDate promised = PromisedDate.of(order.demand(), null, LocalDate.now(clock));
        order.scored(REPLACEMENT_PRIORITY, "replacement: top priority");
        OrderAccepted accepted = accept(order, promised, REPLACEMENT_PRIORITY, SELECTION_POLICY,
                "replacement for return " + event.returnId(), true, now);
        outbox.publishAll(List.of(Publication.of(placed), Publication.of(accepted)));
        order.persistPlaced(); // the session: a later event of the same batch may look for this replacement
        original.record(event.eventId(), "REPLACEMENT_ORDERED", event.occurredAt(), "returns", "returns",
                "replacement order " + order.id + " for return " + event.returnId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OrderView> find(UUID id) {
        return Order.<Order>findByIdOptional(id).map(OrderView::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<TimelineStep>> timeline(UUID id) {
        return Order.<Order>findByIdOptional(id)
                .map(order -> order.timeline().stream().map(TimelineStep::from).toList());
    }

    /** Every decision about the order's acceptance, oldest first: the audit trail. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<DecisionView>> decisions(UUID id) {
        return Order.<Order>findByIdOptional(id)
                .map(order -> TimelineEntry.decisionsOf(id).stream().map(DecisionView::from).toList());
    }

    /** The manager queue: orders the policy left to a manager and orders on hold, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrderView> queue() {
        return Order.<Order>list("status in ?1 order by statusSince, id",
                List.of(OrderStatus.AWAITING_DECISION, OrderStatus.ON_HOLD)).stream().map(OrderView::from).toList();
    }

    /** Orders production plans to finish after their promised date, of one salesperson (all when null). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrderView> atRisk(String salesperson) {
        List<OrderStatus> undelivered = List.of(OrderStatus.ACCEPTED, OrderStatus.RESERVED, OrderStatus.BACKORDERED,
                OrderStatus.PARTIALLY_SHIPPED);
        List<Order> orders = salesperson == null
                ? Order.list("status in ?1 and plannedCompletion > promisedDate order by promisedDate, id",
                        undelivered)
                : Order.list("status in ?1 and plannedCompletion > promisedDate and salesperson = ?2 "
                        + "order by promisedDate, id", undelivered, salesperson);
        return orders.stream().map(OrderView::from).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrderPage list(OrderQuery query) {
        return query.run();
    }

    private static Order locked(UUID id) {
        return Orders.locked(id).orElseThrow(() -> ProblemException.notFound("order", id));
    }

    /** Not before today, and a date as the API's `format: date` (RFC 3339) has it: a year of four digits. */
    private static void requireValidRequestedDate(LocalDate requestedDate, LocalDate today) {
        if (requestedDate == null) {
            return;
        }
        if (requestedDate.isBefore(today)) {
            throw ProblemException.badRequest("requestedDate", "must not be before today (" + today + ")");
        }
        if (requestedDate.getYear() > MAX_YEAR) {
            throw ProblemException.badRequest("requestedDate", "must be a date with a four-digit year");
        }
    }

    static List<org.ordercycle.events.sales.OrderLine> eventLines(Order order) {
        return order.lines.stream()
                .map(line -> new org.ordercycle.events.sales.OrderLine(line.lineNo, line.sku,
                        Decimals.plain(line.quantity), new Money(Decimals.price(line.unitPrice), order.currency),
                        Decimals.plain(line.discountPercent), Decimals.plain(line.taxRate), line.taxCategory))
                .toList();
    }

    private static OrderPlaced placed(Order order) {
        return new OrderPlaced(UUID.randomUUID(), order.placedAt, order.id, order.customerId, eventLines(order),
                order.currency, order.requestedDate, order.classification, order.salesperson, order.quoteId,
                order.originalOrderId);
    }

    static String amount(Money money) {
        return Decimals.price(money.amount()).toPlainString() + " " + money.currency();
    }
}
