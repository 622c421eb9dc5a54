package org.ordercycle.sales.credit;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.billing.Allocation;
import org.ordercycle.events.billing.CreditNoteIssued;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.events.billing.PaymentReceived;
import org.ordercycle.kit.inbox.EventHandlers;

/** Keeps each customer's open amount from billing's events, for the credit check. */
@ApplicationScoped
class CreditEventsHandler implements EventHandlers {

    void on(InvoiceIssued event) {
        CustomerBalance.change(event.customerId(), event.gross().amount(), event.gross().currency(),
                event.occurredAt());
    }

    void on(PaymentReceived event) {
        for (Allocation allocation : event.allocations()) {
            CustomerBalance.change(event.customerId(), allocation.amount().amount().negate(),
                    allocation.amount().currency(), event.occurredAt());
        }
    }

    void on(CreditNoteIssued event) {
        CustomerBalance.change(event.customerId(), event.amount().amount().negate(), event.amount().currency(),
                event.occurredAt());
    }
}
