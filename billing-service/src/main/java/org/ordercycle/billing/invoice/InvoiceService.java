package org.ordercycle.billing.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.ordercycle.billing.customer.Customer;
import org.ordercycle.billing.order.AcceptedOrder;
import org.ordercycle.billing.order.AgreedLine;
import org.ordercycle.events.Money;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.production.ShippedLine;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.api.QueryParams;
import org.ordercycle.kit.inbox.PrerequisiteMissing;
import org.ordercycle.kit.inbox.Prerequisites;
import org.ordercycle.kit.outbox.Outbox;

/** Invoices what left the warehouse at the prices sales agreed, once per shipment. */
@ApplicationScoped
@Transactional
public class InvoiceService {

    static final String FORMAT = "PDF";

    private final Outbox outbox;
    private final Prerequisites prerequisites;
    private final DocumentNumbers numbers;
    private final Clock clock;

    InvoiceService(Outbox outbox, Prerequisites prerequisites, DocumentNumbers numbers, Clock clock) {
        this.outbox = outbox;
        this.prerequisites = prerequisites;
        this.numbers = numbers;
        this.clock = clock;
    }

    /**
     * One invoice for the shipment: its quantities × the agreed unit prices less the agreed discounts. A shipment
     * invoiced already (replayed, re-delivered with another event id) changes nothing; one read before its order's
     * acceptance waits for it.
     */
    public void invoiceShipment(ShipmentDispatched shipment) {
        AcceptedOrder order = AcceptedOrder.lockedForBilling(shipment.orderId())
                .orElseThrow(() -> PrerequisiteMissing.of(AcceptedOrder.ACCEPTED, shipment.orderId()));
        // Checked under the order's lock; the unique shipment_id catches whatever gets past it.
        if (Invoice.count("shipmentId", shipment.shipmentId()) > 0) {
            return;
        }
        Map<Integer, BigDecimal> invoiced = invoicedQuantities(order.id);
        List<InvoiceLine> lines = new ArrayList<>();
        shipped(shipment).forEach((lineNo, quantity) -> {
            AgreedLine agreed = order.line(lineNo).orElseThrow(() -> new ShipmentRefused("shipment "
                    + shipment.shipmentId() + " names line " + lineNo + ", which order " + order.id + " does not have"));
            BigDecimal before = invoiced.getOrDefault(lineNo, BigDecimal.ZERO);
            if (before.add(quantity).compareTo(agreed.quantity) > 0) {
                throw new ShipmentRefused("shipment " + shipment.shipmentId() + " would invoice " + plain(quantity)
                        + " of line " + lineNo + " of order " + order.id + ", but only " + plain(agreed.quantity)
                        + " were ordered and " + plain(before) + " are invoiced already");
            }
            lines.add(InvoiceLine.shipped(agreed, quantity));
        });
        LocalDate today = LocalDate.now(clock);
        Invoice invoice = Invoice.issue(numbers.next("INV", today.getYear()), order.customerId, order.id,
                shipment.shipmentId(), order.currency, lines, today, Customer.paymentTermDaysOf(order.customerId),
                clock.instant());
        outbox.publish(new InvoiceIssued(UUID.randomUUID(), invoice.issuedAt, invoice.id, invoice.number,
                invoice.customerId, List.of(order.id), List.of(shipment.shipmentId()), money(invoice.net, invoice),
                money(invoice.tax, invoice), money(invoice.gross, invoice), invoice.dueDate, FORMAT));
        prerequisites.arrived(AcceptedOrder.INVOICED, order.id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<InvoiceView> find(UUID id) {
        return Invoice.<Invoice>findByIdOptional(id).map(InvoiceView::from);
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

    /** What the order's invoices hold per line so far. */
    public static Map<Integer, BigDecimal> invoicedQuantities(UUID orderId) {
        Map<Integer, BigDecimal> invoiced = new TreeMap<>();
        for (Invoice invoice : Invoice.ofOrder(orderId)) {
            invoice.lines.forEach(line -> invoiced.merge(line.lineNo, line.quantity, BigDecimal::add));
        }
        return invoiced;
    }

    private static String plain(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }

    private static Money money(BigDecimal amount, Invoice invoice) {
        return new Money(amount, invoice.currency);
    }
}
