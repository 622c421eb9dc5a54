package org.ordercycle.contact.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.billing.CreditNoteIssued;
import org.ordercycle.events.billing.DunningNoticeIssued;
import org.ordercycle.events.billing.InvoiceOverdue;
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
        timeline.rememberInvoice(event);
        String summary = "Invoice %s issued: %s, due %s".formatted(event.number(), Summaries.money(event.gross()),
                event.dueDate());
        for (var orderId : event.orderIds()) {
            timeline.add(event.customerId(), event.eventId(),
                    new NewEntry(orderId, Step.INVOICE_ISSUED, event.occurredAt(), null, summary));
        }
    }

    void on(InvoiceOverdue event) {
        timeline.add(event.customerId(), event.eventId(), new NewEntry(null, Step.INVOICE_OVERDUE, event.occurredAt(),
                null, "Invoice %s overdue by %d days: %s open".formatted(invoice(event.invoiceId()),
                        event.daysOverdue(), Summaries.money(event.openAmount()))));
    }

    void on(DunningNoticeIssued event) {
        timeline.add(event.customerId(), event.eventId(), new NewEntry(null, Step.DUNNING_NOTICE_ISSUED,
                event.occurredAt(), null, "Dunning notice %d for invoice %s (%d days overdue, fee %s)".formatted(
                        event.level(), invoice(event.invoiceId()), event.daysOverdue(), Summaries.money(event.fee()))));
    }

    private String invoice(java.util.UUID invoiceId) {
        String number = timeline.invoiceNumber(invoiceId);
        return number == null ? invoiceId.toString() : number;
    }

    void on(CreditNoteIssued event) {
        timeline.invoiceCredited(event.invoiceId(), event.amount().amount());
        String invoice = timeline.invoiceNumber(event.invoiceId());
        String summary = "Credit note %s issued: %s%s".formatted(event.number(), Summaries.money(event.amount()),
                invoice == null ? "" : " against invoice " + invoice);
        timeline.add(event.customerId(), event.eventId(),
                new NewEntry(event.orderId(), Step.CREDIT_NOTE_ISSUED, event.occurredAt(), null, summary));
    }
}
