package org.ordercycle.returns.order;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.kit.inbox.EventHandlers;

/**
 * Keeps what billing invoiced per order, the cap of a claim's refund. CreditNoteIssued is not needed: billing
 * credits only for refunds returns asked for, which returns subtracts itself.
 */
@ApplicationScoped
class InvoiceEventsHandler implements EventHandlers {

    void on(InvoiceIssued event) {
        OrderInvoice.record(event);
    }
}
