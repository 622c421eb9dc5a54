package org.ordercycle.returns.customer;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.contact.CustomerChanged;
import org.ordercycle.events.contact.CustomerErased;
import org.ordercycle.events.contact.CustomerRegistered;
import org.ordercycle.kit.inbox.EventHandlers;

/** Keeps returns' copy of every customer: name, account owner, billing address; drops it on erasure. */
@ApplicationScoped
class CustomerEventsHandler implements EventHandlers {

    void on(CustomerRegistered event) {
        Customer.replace(event.customerId(), event.name(), event.accountOwner(), event.billingAddress(),
                event.occurredAt());
    }

    void on(CustomerChanged event) {
        Customer.replace(event.customerId(), event.name(), event.accountOwner(), event.billingAddress(),
                event.occurredAt());
    }

    void on(CustomerErased event) {
        Customer.erase(event.customerId(), event.occurredAt());
    }
}
