package org.ordercycle.sales.customer;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.contact.CustomerChanged;
import org.ordercycle.events.contact.CustomerErased;
import org.ordercycle.events.contact.CustomerRegistered;
import org.ordercycle.kit.inbox.EventHandlers;

/** Keeps sales' copy of every customer as contact publishes it. */
@ApplicationScoped
class CustomerEventsHandler implements EventHandlers {

    void on(CustomerRegistered event) {
        Customer.withId(event.customerId()).replaceWith(event.name(), event.classification(), event.tier(),
                event.accountOwner(), event.conditions(), event.currency(), event.kind(), event.billingAddress(),
                event.vatId(), event.occurredAt());
    }

    void on(CustomerChanged event) {
        Customer.withId(event.customerId()).replaceWith(event.name(), event.classification(), event.tier(),
                event.accountOwner(), event.conditions(), event.currency(), event.kind(), event.billingAddress(),
                event.vatId(), event.occurredAt());
    }

    void on(CustomerErased event) {
        Customer.withId(event.customerId()).erase(event.occurredAt());
    }
}
