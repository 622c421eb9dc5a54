package org.ordercycle.billing.dunning;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.returns.ReturnAuthorized;
import org.ordercycle.events.returns.ReturnClosed;
import org.ordercycle.events.returns.ReturnRejected;
import org.ordercycle.events.returns.ReturnRequested;
import org.ordercycle.kit.inbox.EventHandlers;

/** An order is disputed from its return's request (or authorization) until the return is closed or rejected. */
@ApplicationScoped
class DisputeEventsHandler implements EventHandlers {

    void on(ReturnRequested event) {
        Dispute.open(event.returnId(), event.orderId(), event.occurredAt());
    }

    void on(ReturnAuthorized event) {
        Dispute.open(event.returnId(), event.orderId(), event.occurredAt());
    }

    void on(ReturnClosed event) {
        Dispute.close(event.returnId(), event.orderId(), event.occurredAt());
    }

    void on(ReturnRejected event) {
        Dispute.close(event.returnId(), event.orderId(), event.occurredAt());
    }
}
