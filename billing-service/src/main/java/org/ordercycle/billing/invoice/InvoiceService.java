package org.ordercycle.billing.invoice;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.ordercycle.billing.BillingConfig;
import org.ordercycle.billing.credit.CustomerCredit;
import org.ordercycle.billing.delivery.InvoiceDelivery;
import org.ordercycle.billing.order.AcceptedOrder;
import org.ordercycle.billing.order.AgreedLine;
import org.ordercycle.billing.profile.BillingTrigger;
import org.ordercycle.billing.profile.Profile;
import org.ordercycle.billing.profile.ProfileService;
import org.ordercycle.events.Money;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.production.ShippedLine;
import org.ordercycle.kit.EventContext;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.api.QueryParams;
import org.ordercycle.kit.inbox.PrerequisiteMissing;
import org.ordercycle.kit.inbox.Prerequisites;
import org.ordercycle.kit.inbox.Received;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.kit.outbox.Publication;

/**
 * Invoices what left the warehouse at the prices sales agreed, when the customer's billing profile says so: per
 * shipment as it leaves, per shipment on delivery, or one invoice per period. Every shipment is billed once.
 */
@ApplicationScoped
@Transactional
public class InvoiceService {

    /** The prerequisite a ShipmentDelivered read before its shipment waits for. */
    static final String SHIPMENT_RECORDED = "shipment-recorded";

    private final Outbox outbox;
    private final Prerequisites prerequisites;
    private final DocumentNumbers numbers;
    private final ProfileService profiles;
    private final BillingConfig config;
    private final Clock clock;
    private final EntityManager entityManager;
    private final MeterRegistry metrics;

    InvoiceService(Outbox outbox, Prerequisites prerequisites, DocumentNumbers numbers, ProfileService profiles,
            BillingConfig config, Clock clock, EntityManager entityManager, MeterRegistry metrics) {
        this.metrics = metrics;
        this.outbox = outbox;
        this.prerequisites = prerequisites;
        this.numbers = numbers;
        this.profiles = profiles;
        this.config = config;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /** One shipment, as {@link #invoiceShipments} does for a poll's run of them. */
    public void invoiceShipment(ShipmentDispatched shipment) {
        invoiceShipments(List.of(new Received<>(shipment, EventContext.current().orElse(null))));
    }

    /**
     * Records each shipment at the agreed lines (its quantities × the agreed unit prices less the agreed discounts)
     * and invoices it at once when the customer is billed per shipment; in the order given, each shipment seeing
     * what the ones before it recorded. A shipment recorded already (replayed, re-delivered with another event id)
     * changes nothing; a zero-value shipment is recorded as nothing to bill: no invoice, no number.
     *
     * <p>Done per run, not per shipment: the orders are locked (in id order) and read with their agreed lines in one
     * query each, so are the recorded shipments and quantities, the profiles, customers and credits; the rows are
     * written in JDBC batches, the invoices still without numbers; then, last, the run's invoice numbers are taken as
     * one block ({@code last = last + n}, gap-free, given back on rollback) and their rows of invoice_number inserted in
     * one statement, and the events published with one {@code publishAll}. The counter row is locked from the block
     * until the commit, so batches of several consumers (one per partition) overlap in everything but that end. A
     * shipment whose order billing does not hold yet, or that ships more than was ordered, fails the whole call: the
     * kit then applies the run one shipment at a time (a list of one), which parks or dead-letters just that one.
     */
    public void invoiceShipments(List<Received<ShipmentDispatched>> run) {
        long step = System.nanoTime();
        Set<UUID> orderIds = new TreeSet<>();
        run.forEach(received -> orderIds.add(received.event().orderId()));
        Map<UUID, AcceptedOrder> orders = AcceptedOrder.lockedForBilling(orderIds);
        step = timed("orders", step);
        for (Received<ShipmentDispatched> received : run) {
            if (!orders.containsKey(received.event().orderId())) {
                throw PrerequisiteMissing.of(AcceptedOrder.ACCEPTED, received.event().orderId());
            }
        }
        // Checked under the orders' locks; the primary key catches whatever gets past it.
        Set<UUID> recordedShipments = BillableShipment.recordedAmong(
                run.stream().map(received -> received.event().shipmentId()).toList());
        Map<UUID, Map<Integer, BigDecimal>> recorded = BillableShipment.shippedQuantitiesOf(orderIds);
        step = timed("recorded", step);
        Map<UUID, Profile> profiles = this.profiles.ofAll(orders.values().stream().map(order -> order.customerId)
                .collect(Collectors.toSet()));
        step = timed("profiles", step);

        List<BillableShipment> shipments = new ArrayList<>();
        Map<BillableShipment, Received<ShipmentDispatched>> perShipment = new LinkedHashMap<>();
        for (Received<ShipmentDispatched> received : run) {
            ShipmentDispatched shipment = received.event();
            if (!recordedShipments.add(shipment.shipmentId())) {
                continue;
            }
            AcceptedOrder order = orders.get(shipment.orderId());
            Map<Integer, BigDecimal> before = recorded.computeIfAbsent(order.id, id -> new TreeMap<>());
            List<ShipmentLine> lines = agreedLines(shipment, order, before);
            lines.forEach(line -> before.merge(line.lineNo, line.quantity, BigDecimal::add));
            LocalDate dispatchedOn = LocalDate.ofInstant(shipment.shippedAt(), config.company().timeZone());
            BillableShipment billable = BillableShipment.shipped(shipment.shipmentId(), order.id, order.customerId,
                    order.currency, lines, dispatchedOn, shipment.shippedAt());
            shipments.add(billable);
            prerequisites.arrived(SHIPMENT_RECORDED, shipment.shipmentId());
            if (billable.pending() && profiles.get(order.customerId).trigger() == BillingTrigger.PER_SHIPMENT) {
                perShipment.put(billable, received);
            }
            prerequisites.arrived(AcceptedOrder.INVOICED, order.id);
        }
        step = timed("record", step);
        LocalDate today = today();
        Map<Invoice, Received<ShipmentDispatched>> invoices = issueEachOf(perShipment, orders, profiles, today);
        shipments.forEach(shipment -> shipment.persist());
        step = timed("issue", step);
        entityManager.flush();
        step = timed("flush", step);
        // The numbers last: the counter row stays locked from here until the poll commits, so a concurrent batch (another
        // partition's consumer) waits for this one only during the numbering, the publishing and the commit.
        List<Invoice> numbered = new ArrayList<>(invoices.keySet());
        List<String> numbers = this.numbers.nextBlock("INV", today.getYear(), numbered.size());
        Invoice.numberAll(numbered, numbers);
        entityManager.clear();
        step = timed("number", step);
        List<Publication> issued = new ArrayList<>(numbered.size());
        for (int i = 0; i < numbered.size(); i++) {
            Invoice invoice = numbered.get(i);
            issued.add(invoices.get(invoice).causes(issuedEvent(invoice, numbers.get(i))));
        }
        outbox.publishAll(issued);
        timed("publish", step);
    }

    /**
     * Records the time of one step of {@link #invoiceShipments} ({@code billing_invoicing_step_seconds{step}}), so a
     * benchmark or an operator sees where a batch spends its time; returns now.
     */
    private long timed(String name, long since) {
        long now = System.nanoTime();
        metrics.timer("billing.invoicing.step", "step", name).record(now - since, TimeUnit.NANOSECONDS);
        return now;
    }

    /** The shipment's lines at the agreed prices; refused if the order lacks a line or has fewer units left. */
    private static List<ShipmentLine> agreedLines(ShipmentDispatched shipment, AcceptedOrder order,
            Map<Integer, BigDecimal> recorded) {
        List<ShipmentLine> lines = new ArrayList<>();
        shipped(shipment).forEach((lineNo, quantity) -> {
            AgreedLine agreed = order.line(lineNo).orElseThrow(() -> new ShipmentRefused("shipment "
                    + shipment.shipmentId() + " names line " + lineNo + ", which order " + order.id + " does not have"));
            BigDecimal before = recorded.getOrDefault(lineNo, BigDecimal.ZERO);
            if (before.add(quantity).compareTo(agreed.quantity) > 0) {
                throw new ShipmentRefused("shipment " + shipment.shipmentId() + " would invoice " + plain(quantity)
                        + " of line " + lineNo + " of order " + order.id + ", but only " + plain(agreed.quantity)
                        + " were ordered and " + plain(before) + " are invoiced already");
            }
            lines.add(ShipmentLine.shipped(agreed, quantity));
        });
        return lines;
    }

    /**
     * One invoice per shipment, as {@link #issueConsolidated} issues one for a single shipment, with the credits of
     * all customers read at once; the invoices have no number yet (the caller numbers them as one block once they are
     * written). Returns each invoice with the event it is for, in the order of the shipments.
     */
    private Map<Invoice, Received<ShipmentDispatched>> issueEachOf(
            Map<BillableShipment, Received<ShipmentDispatched>> shipments, Map<UUID, AcceptedOrder> orders,
            Map<UUID, Profile> profiles, LocalDate today) {
        List<BillableShipment> billable = new ArrayList<>();
        for (BillableShipment shipment : shipments.keySet()) {
            String reference = orders.get(shipment.orderId).poReference;
            if (profiles.get(shipment.customerId).poReferenceRequired() && reference == null) {
                continue; // held until billing is given the order's purchase-order reference
            }
            if (shipment.value().signum() == 0) {
                shipment.nothingToBill();
                continue;
            }
            billable.add(shipment);
        }
        if (billable.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Buyer> buyers = Buyer.ofAll(billable.stream().map(shipment -> shipment.customerId)
                .collect(Collectors.toSet()));
        Map<Invoice, Received<ShipmentDispatched>> invoices = new LinkedHashMap<>();
        for (BillableShipment shipment : billable) {
            invoices.put(Invoice.issue(null, List.of(shipment), buyers.get(shipment.customerId),
                    profiles.get(shipment.customerId), config.company().vatId(), today, null, null,
                    orders.get(shipment.orderId).poReference, clock.instant()), shipments.get(shipment));
        }
        CustomerCredit.settleAll(List.copyOf(invoices.keySet()), clock.instant());
        invoices.keySet().forEach(invoice -> InvoiceDelivery.plan(invoice, clock.instant()));
        return invoices;
    }

    /** The customer has the shipment: invoiced now when the customer is billed on delivery. */
    public void invoiceDelivery(ShipmentDelivered delivered) {
        BillableShipment shipment = BillableShipment.<BillableShipment>findByIdOptional(delivered.shipmentId(),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> PrerequisiteMissing.of(SHIPMENT_RECORDED, delivered.shipmentId()));
        shipment.deliver(delivered.deliveredAt());
        if (shipment.pending()) {
            Profile profile = profiles.of(shipment.customerId);
            if (profile.trigger() == BillingTrigger.ON_DELIVERY) {
                issueEach(List.of(shipment), profile);
                prerequisites.arrived(AcceptedOrder.INVOICED, shipment.orderId);
            }
        }
        writtenAndForgotten();
    }

    /**
     * Writes what this event changed and empties the persistence context. The kit applies a whole poll (up to 500
     * events) in one transaction; without this, every query of every later event in the poll auto-flushes, i.e.
     * dirty-checks, all entities the poll loaded so far, and a poll costs the square of its size (measured: see
     * the README's Benchmark). The rows stay locked and unseen by others until the poll commits; the next event
     * reads them again from the database (the same transaction), so it sees exactly what this one wrote.
     */
    private void writtenAndForgotten() {
        entityManager.flush();
        entityManager.clear();
    }

    /**
     * Invoices what is due of the customer's pending shipments today, by its profile now: per shipment (all),
     * on delivery (the delivered ones), periodic (one invoice per period that ended before today). Shipments of
     * an order without the purchase-order reference the profile requires stay pending.
     *
     * @return the invoices issued
     */
    public int billDue(UUID customerId) {
        Profile profile = profiles.of(customerId);
        List<BillableShipment> pending = BillableShipment.pendingOfCustomerLocked(customerId);
        LocalDate today = today();
        int issued = switch (profile.trigger()) {
            case PER_SHIPMENT -> issueEach(pending, profile);
            case ON_DELIVERY -> issueEach(pending.stream().filter(s -> s.deliveredAt != null).toList(), profile);
            case PERIODIC -> {
                Map<LocalDate, List<BillableShipment>> byPeriod = new TreeMap<>();
                for (BillableShipment shipment : pending) {
                    LocalDate end = profile.period().endOf(shipment.dispatchedOn);
                    if (end.isBefore(today)) {
                        byPeriod.computeIfAbsent(end, e -> new ArrayList<>()).add(shipment);
                    }
                }
                int count = 0;
                for (Map.Entry<LocalDate, List<BillableShipment>> period : byPeriod.entrySet()) {
                    count += issueConsolidated(period.getValue(), profile,
                            profile.period().startOf(period.getKey()), period.getKey());
                }
                yield count;
            }
        };
        return issued;
    }

    /** Customers with shipments still to be invoiced: what a billing run goes through. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> customersWithPendingShipments() {
        return BillableShipment.customersWithPending();
    }

    /** Records the customer's purchase-order reference for the order; shipments held for it are invoiced now. */
    public OrderReferenceView referTo(UUID orderId, String poReference) {
        AcceptedOrder order = AcceptedOrder.lockedForBilling(orderId)
                .orElseThrow(() -> ProblemException.notFound("order", orderId));
        order.referTo(poReference);
        int issued = billDue(order.customerId);
        return new OrderReferenceView(order.id, order.poReference, issued);
    }

    private int issueEach(List<BillableShipment> shipments, Profile profile) {
        int issued = 0;
        for (BillableShipment shipment : shipments) {
            issued += issueConsolidated(List.of(shipment), profile, null, null);
        }
        return issued;
    }

    /** One invoice for the shipments, unless they are worth nothing or a required PO reference is missing. */
    private int issueConsolidated(List<BillableShipment> shipments, Profile profile, LocalDate periodStart,
            LocalDate periodEnd) {
        List<BillableShipment> billable = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (BillableShipment shipment : shipments) {
            String reference = AcceptedOrder.<AcceptedOrder>findByIdOptional(shipment.orderId)
                    .map(order -> order.poReference).orElse(null);
            if (profile.poReferenceRequired() && reference == null) {
                continue; // held until billing is given the order's purchase-order reference
            }
            billable.add(shipment);
            if (reference != null && !references.contains(reference)) {
                references.add(reference);
            }
        }
        if (billable.isEmpty()) {
            return 0;
        }
        if (billable.stream().map(BillableShipment::value).reduce(BigDecimal.ZERO, BigDecimal::add).signum() == 0) {
            billable.forEach(BillableShipment::nothingToBill);
            return 0;
        }
        Map<String, List<BillableShipment>> byCurrency = new LinkedHashMap<>();
        billable.forEach(s -> byCurrency.computeIfAbsent(s.currency, c -> new ArrayList<>()).add(s));
        LocalDate today = today();
        // The customer's credits before the counter row, in the order the batch of invoiceShipments locks them.
        CustomerCredit.lockRemaining(profile.customerId());
        for (List<BillableShipment> sameCurrency : byCurrency.values()) {
            Invoice invoice = Invoice.issue(numbers.next("INV", today.getYear()), sameCurrency,
                    Buyer.of(profile.customerId()), profile, config.company().vatId(), today, periodStart, periodEnd,
                    references.isEmpty() ? null : String.join(", ", references), clock.instant());
            CustomerCredit.settle(invoice, clock.instant());
            InvoiceDelivery.plan(invoice, clock.instant());
            outbox.publish(issuedEvent(invoice));
        }
        return byCurrency.size();
    }

    private static InvoiceIssued issuedEvent(Invoice invoice) {
        return issuedEvent(invoice, invoice.number);
    }

    private static InvoiceIssued issuedEvent(Invoice invoice, String number) {
        return new InvoiceIssued(UUID.randomUUID(), invoice.issuedAt, invoice.id, number, invoice.customerId,
                invoice.orderIds(), invoice.shipmentIds(), money(invoice.net, invoice), money(invoice.tax, invoice),
                money(invoice.gross, invoice), invoice.dueDate, invoice.format.name());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<InvoiceView> find(UUID id) {
        return Invoice.<Invoice>findByIdOptional(id).map(InvoiceView::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Invoice> entity(UUID id) {
        return Invoice.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InvoiceView> list(String customer, String status) {
        UUID customerId = QueryParams.requiredUuid("customerId", customer);
        List<Invoice> invoices;
        if (status == null) {
            invoices = Invoice.list("customerId = ?1 order by number", customerId);
        } else if ("open".equalsIgnoreCase(status) || "paid".equalsIgnoreCase(status)) {
            invoices = Invoice.list("customerId = ?1 and status = ?2 order by number", customerId,
                    InvoiceStatus.valueOf(status.toUpperCase()));
        } else {
            throw ProblemException.badRequest("status", "must be open or paid");
        }
        return invoices.stream().map(InvoiceView::from).toList();
    }

    /** The shipped quantity per line; a line named twice in one shipment counts once with both quantities. */
    private static Map<Integer, BigDecimal> shipped(ShipmentDispatched shipment) {
        Map<Integer, BigDecimal> quantities = new TreeMap<>();
        for (ShippedLine line : shipment.lines()) {
            if (line.quantity().signum() <= 0) {
                throw new ShipmentRefused("shipment " + shipment.shipmentId() + " ships " + line.quantity()
                        + " of line " + line.lineNo() + ": a shipped quantity must be positive");
            }
            quantities.merge(line.lineNo(), line.quantity(), BigDecimal::add);
        }
        if (quantities.isEmpty()) {
            throw new ShipmentRefused("shipment " + shipment.shipmentId() + " has no lines");
        }
        return quantities;
    }

    /** What the order's recorded shipments hold per line so far, invoiced or still to be. */
    public static Map<Integer, BigDecimal> shippedQuantities(UUID orderId) {
        Map<Integer, BigDecimal> shipped = new TreeMap<>();
        for (BillableShipment shipment : BillableShipment.ofOrder(orderId)) {
            shipment.lines.forEach(line -> shipped.merge(line.lineNo, line.quantity, BigDecimal::add));
        }
        return shipped;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.company().timeZone());
    }

    private static String plain(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }

    private static Money money(BigDecimal amount, Invoice invoice) {
        return new Money(amount, invoice.currency);
    }
}
