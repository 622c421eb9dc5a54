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
import org.ordercycle.sales.customer.Customer;

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

    @Version
    public long version;

    static Order place(Customer customer, List<OrderLine> pricedLines, LocalDate requestedDate, String salesperson,
            Instant now) {
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.customerId = customer.id;
        order.status = OrderStatus.PLACED;
        order.lines.addAll(pricedLines);
        order.currency = customer.currency;
        order.classification = customer.classification;
        order.requestedDate = requestedDate;
        order.salesperson = salesperson;
        order.placedAt = now;
        order.persist();
        return order;
    }

    void accept(LocalDate promisedDate, Instant now) {
        this.promisedDate = promisedDate;
        this.acceptedAt = now;
        refreshStatus();
    }

    void cancel(Instant now) {
        if (cancelledAt != null) {
            throw ProblemException.conflict("Order already cancelled", "order " + id + " was cancelled at "
                    + cancelledAt);
        }
        if (OrderShipment.count("orderId", id) > 0) {
            throw ProblemException.conflict("Order already shipped",
                    "order " + id + " has shipped (in part) and can no longer be cancelled: return it instead");
        }
        cancelledAt = now;
        refreshStatus();
    }

    /** A reservation snapshot from production: everything reserved, or some of it still back-ordered. */
    void reservationChanged(boolean backordered) {
        reservation = backordered ? BACKORDERED : RESERVED;
        refreshStatus();
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
        refreshStatus();
        return true;
    }

    /** Billing invoiced (part of) the order; false when sales already knows the invoice. */
    boolean invoiced(UUID invoiceId, String number, BigDecimal gross, String currency, List<UUID> shipmentIds) {
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
        refreshStatus();
        return true;
    }

    void paid(OrderInvoice invoice, BigDecimal amount) {
        invoice.paid(amount);
        refreshStatus();
    }

    void returnRequested(UUID returnId) {
        returnCase(returnId);
        refreshStatus();
    }

    void returnClosed(UUID returnId) {
        returnCase(returnId).closed = true;
        refreshStatus();
    }

    void refundPaid(UUID returnId) {
        returnCase(returnId).refunded = true;
        refreshStatus();
    }

    private OrderReturn returnCase(UUID returnId) {
        OrderReturn found = OrderReturn.findById(returnId);
        if (found == null) {
            found = new OrderReturn();
            found.returnId = returnId;
            found.orderId = id;
            found.persist();
        }
        return found;
    }

    /** Adds a step to the order's timeline, once per event. */
    void record(UUID eventId, String step, Instant occurredAt, String department, String by, String summary) {
        if (TimelineEntry.count("orderId = ?1 and eventId = ?2", id, eventId) > 0) {
            return;
        }
        TimelineEntry entry = new TimelineEntry();
        entry.orderId = id;
        entry.eventId = eventId;
        entry.step = step;
        entry.occurredAt = occurredAt;
        entry.department = department;
        entry.by = by;
        entry.summary = summary;
        entry.persist();
    }

    List<TimelineEntry> timeline() {
        return TimelineEntry.list("orderId = ?1 order by occurredAt, id", id);
    }

    /** Net, tax (once per rate) and gross of the order; null for an order placed before sales priced orders. */
    Amounts.Totals totals() {
        if (lines.isEmpty() || !lines.stream().allMatch(OrderLine::priced)) {
            return null;
        }
        return Amounts.totals(lines.stream().map(OrderLine::amounts).toList(), currency);
    }

    private void refreshStatus() {
        status = derivedStatus();
    }

    private OrderStatus derivedStatus() {
        if (cancelledAt != null) {
            return OrderStatus.CANCELLED;
        }
        List<OrderReturn> returns = OrderReturn.list("orderId", id);
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
