package org.ordercycle.returns.returncase;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.billing.RefundPaid;
import org.ordercycle.kit.inbox.EventHandlers;

/** Closes a return case when billing has paid its refund. */
@ApplicationScoped
class RefundEventsHandler implements EventHandlers {

    private final ReturnService returns;

    RefundEventsHandler(ReturnService returns) {
        this.returns = returns;
    }

    void on(RefundPaid event) {
        returns.refundPaid(event);
    }
}
