package org.ordercycle.billing.refund;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.returns.RefundRequested;
import org.ordercycle.kit.inbox.EventHandlers;

/** Every refund returns asks for is credited and paid, once per return. */
@ApplicationScoped
class ReturnEventsHandler implements EventHandlers {

    private final RefundService refunds;

    ReturnEventsHandler(RefundService refunds) {
        this.refunds = refunds;
    }

    void on(RefundRequested event) {
        refunds.refund(event);
    }
}
