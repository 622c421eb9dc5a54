package org.ordercycle.returns.returncase;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.contact.CustomerErased;
import org.ordercycle.kit.inbox.EventHandlers;

/** Drops the personal data return cases hold (pickup addresses) when contact erases the customer. */
@ApplicationScoped
class ErasureEventsHandler implements EventHandlers {

    private final ReturnService returns;

    ErasureEventsHandler(ReturnService returns) {
        this.returns = returns;
    }

    void on(CustomerErased event) {
        returns.customerErased(event.customerId());
    }
}
