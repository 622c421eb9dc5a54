package org.ordercycle.contact.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.billing.CreditNoteIssued;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.kit.inbox.EventHandlers;

/** Invoices and credit notes on the timelines of the orders they bill or credit. */
@ApplicationScoped
class InvoiceEventsHandler implements EventHandlers {

    private final TimelineService timeline;

    InvoiceEventsHandler(TimelineService timeline) {
        this.timeline = timeline;
    }

    void on(InvoiceIssued event) {
        timeline.rememberInvoice(event.invoiceId(), event.number(), event.customerId(), event.orderIds());
        String summary = "Invoice %s issued: %s, due %s".formatted(event.number(), Summaries.money(event.gross()),
                event.dueDate());
        for (var orderId : event.orderIds()) {
            timeline.add(event.customerId(), event.eventId(),
                    new NewEntry(orderId, Step.INVOICE_ISSUED, event.occurredAt(), null, summary));
        }
    }

    void on(CreditNoteIssued event) {
        String invoice = timeline.invoiceNumber(event.invoiceId());
        String summary = "Credit note %s issued: %s%s".formatted(event.number(), Summaries.money(event.amount()),
                invoice == null ? "" : " against invoice " + invoice);
        timeline.add(event.customerId(), event.eventId(),
                new NewEntry(event.orderId(), Step.CREDIT_NOTE_ISSUED, event.occurredAt(), null, summary));
    }
}
