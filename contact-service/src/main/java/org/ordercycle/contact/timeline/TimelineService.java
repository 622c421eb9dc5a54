package org.ordercycle.contact.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordercycle.contact.organization.OrganizationService;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.inbox.PrerequisiteMissing;
import org.ordercycle.kit.inbox.Prerequisites;

/**
 * The timeline of every organization and person: every step of every order of a customer, the quotes, dunning and
 * service around them, as the departments' events report them, and the interactions logged in the CRM.
 * Events that do not name the customer (production's schedule, some of returns') find it through the order, and
 * payments find their orders through the invoices: until sales' or billing's event has come, they wait (the kit
 * parks them and applies them when {@code "order"} or {@code "invoice"} arrives).
 *
 * <p>Called by the event handlers inside the kit's transaction (joined, never a second one).
 */
@ApplicationScoped
@Transactional
public class TimelineService {

    static final String ORDER = "order";
    static final String INVOICE = "invoice";

    private final OrganizationService organizations;
    private final Prerequisites prerequisites;

    TimelineService(OrganizationService organizations, Prerequisites prerequisites) {
        this.organizations = organizations;
        this.prerequisites = prerequisites;
    }

    /** Sales placed an order: remembers whose it is and when it was placed. */
    void orderPlaced(UUID customerId, UUID eventId, NewEntry entry) {
        addForOrderOf(customerId, eventId, entry).placed(entry.occurredAt());
    }

    /** Sales accepted an order: remembers whose it is and its net value. */
    void orderAccepted(UUID customerId, UUID eventId, NewEntry entry, String currency, java.math.BigDecimal net) {
        addForOrderOf(customerId, eventId, entry).valued(entry.occurredAt(), currency, net);
    }

    /** Sales amended an accepted order: its value from now on (no entry: the timeline shows acceptance and shipments). */
    void orderAmended(UUID orderId, java.time.Instant at, String currency, java.math.BigDecimal net) {
        CustomerOrder order = CustomerOrder.<CustomerOrder>findByIdOptional(orderId)
                .orElseThrow(() -> PrerequisiteMissing.of(ORDER, orderId));
        order.valued(at, currency, net);
    }

    /** Sales cancelled an order. */
    void orderCancelled(UUID eventId, NewEntry entry) {
        CustomerOrder order = CustomerOrder.<CustomerOrder>findByIdOptional(entry.orderId())
                .orElseThrow(() -> PrerequisiteMissing.of(ORDER, entry.orderId()));
        order.cancel(entry.occurredAt());
        TimelineEntry.record(order.customerId, eventId, entry);
    }

    /** A step of an order sales just told the customer of: remembers whose it is. */
    private CustomerOrder addForOrderOf(UUID customerId, UUID eventId, NewEntry entry) {
        CustomerOrder order = CustomerOrder.<CustomerOrder>findByIdOptional(entry.orderId()).orElse(null);
        if (order == null) {
            order = CustomerOrder.of(entry.orderId(), customerId);
            order.persist();
            prerequisites.arrived(ORDER, entry.orderId());
        }
        add(customerId, eventId, entry);
        return order;
    }

    /** A step of an order (or, without order id, of the customer) whose customer the event names. */
    void add(UUID customerId, UUID eventId, NewEntry entry) {
        TimelineEntry.record(customerId, eventId, entry);
    }

    /** A step of an order whose customer the event does not name: waits for the order when sales' is not here yet. */
    void addForKnownOrder(UUID eventId, NewEntry entry) {
        CustomerOrder order = CustomerOrder.<CustomerOrder>findByIdOptional(entry.orderId())
                .orElseThrow(() -> PrerequisiteMissing.of(ORDER, entry.orderId()));
        TimelineEntry.record(order.customerId, eventId, entry);
    }

    /**
     * Remembers which orders an invoice bills and its amounts, for the payments to come and the open items, and lets
     * waiting payments go on.
     */
    void rememberInvoice(org.ordercycle.events.billing.InvoiceIssued issued) {
        if (CustomerInvoice.findByIdOptional(issued.invoiceId()).isEmpty()) {
            CustomerInvoice invoice = CustomerInvoice.of(issued.invoiceId(), issued.number(), issued.customerId(),
                    issued.orderIds().toArray(UUID[]::new));
            invoice.amounts(issued.occurredAt(), issued.dueDate(), issued.net(), issued.gross());
            invoice.persist();
            prerequisites.arrived(INVOICE, issued.invoiceId());
        }
    }

    /** A payment allocated this much to the invoice (known: the payment waited for it). */
    void invoicePaid(UUID invoiceId, java.math.BigDecimal amount) {
        CustomerInvoice.<CustomerInvoice>findByIdOptional(invoiceId).ifPresent(invoice -> invoice.pay(amount));
    }

    /** A credit note took this much (gross) off the invoice (one of an invoice never seen counts nowhere). */
    void invoiceCredited(UUID invoiceId, java.math.BigDecimal amount) {
        CustomerInvoice.<CustomerInvoice>findByIdOptional(invoiceId).ifPresent(invoice -> invoice.credit(amount));
    }

    /** The invoices, in the order asked; waits for the first one billing's InvoiceIssued has not brought yet. */
    Map<UUID, CustomerInvoice> invoices(List<UUID> invoiceIds) {
        Map<UUID, CustomerInvoice> invoices = new LinkedHashMap<>();
        for (UUID invoiceId : invoiceIds) {
            invoices.computeIfAbsent(invoiceId, id -> CustomerInvoice.<CustomerInvoice>findByIdOptional(id)
                    .orElseThrow(() -> PrerequisiteMissing.of(INVOICE, id)));
        }
        return invoices;
    }

    /** The invoice's number, or null when billing's InvoiceIssued has not come yet (a summary does without it). */
    String invoiceNumber(UUID invoiceId) {
        return CustomerInvoice.<CustomerInvoice>findByIdOptional(invoiceId).map(invoice -> invoice.number).orElse(null);
    }

    /** An interaction logged in the CRM, on the timeline of the organization and of the person it was with. */
    public void addInteraction(UUID interactionId, UUID organizationId, UUID personId, Instant at, String by,
            String summary) {
        for (UUID party : new UUID[] {organizationId, personId}) {
            if (party != null) {
                TimelineEntry.record(party, interactionId, new NewEntry(null, Step.INTERACTION, at, by, summary));
            }
        }
    }

    /** The timeline of an organization or a person, oldest first; 404 naming {@code kind} when there is no such party. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TimelineEntryView> timeline(UUID partyId, String kind) {
        if (!organizations.partyExists(partyId)) {
            throw ProblemException.notFound(kind, partyId);
        }
        return TimelineEntry.of(partyId).stream().map(TimelineEntryView::from).toList();
    }
}
