package org.ordercycle.contact.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordercycle.contact.organization.OrganizationService;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.inbox.PrerequisiteMissing;
import org.ordercycle.kit.inbox.Prerequisites;

/**
 * The customer timeline: every step of every order of a customer, as the departments' events report them.
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

    /** A step of an order sales just told the customer of (OrderPlaced, OrderAccepted): remembers whose it is. */
    void addForOrderOf(UUID customerId, UUID eventId, NewEntry entry) {
        if (CustomerOrder.findByIdOptional(entry.orderId()).isEmpty()) {
            CustomerOrder.of(entry.orderId(), customerId).persist();
            prerequisites.arrived(ORDER, entry.orderId());
        }
        add(customerId, eventId, entry);
    }

    /** A step of an order whose customer the event names. */
    void add(UUID customerId, UUID eventId, NewEntry entry) {
        TimelineEntry.record(customerId, eventId, entry);
    }

    /** A step of an order whose customer the event does not name: waits for the order when sales' is not here yet. */
    void addForKnownOrder(UUID eventId, NewEntry entry) {
        CustomerOrder order = CustomerOrder.<CustomerOrder>findByIdOptional(entry.orderId())
                .orElseThrow(() -> PrerequisiteMissing.of(ORDER, entry.orderId()));
        TimelineEntry.record(order.customerId, eventId, entry);
    }

    /** Remembers which orders an invoice bills, for the payments to come, and lets waiting payments go on. */
    void rememberInvoice(UUID invoiceId, String number, UUID customerId, List<UUID> orderIds) {
        if (CustomerInvoice.findByIdOptional(invoiceId).isEmpty()) {
            CustomerInvoice.of(invoiceId, number, customerId, orderIds.toArray(UUID[]::new)).persist();
            prerequisites.arrived(INVOICE, invoiceId);
        }
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TimelineEntryView> timeline(UUID customerId) {
        if (!organizations.exists(customerId)) {
            throw ProblemException.notFound("organization", customerId);
        }
        return TimelineEntry.of(customerId).stream().map(TimelineEntryView::from).toList();
    }
}
