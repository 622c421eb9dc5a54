package org.ordercycle.billing.customer;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.contact.CustomerChanged;
import org.ordercycle.events.contact.CustomerErased;
import org.ordercycle.events.contact.CustomerRegistered;
import org.ordercycle.kit.inbox.EventHandlers;

/** Keeps billing's copy of every customer: contact's latest snapshot; the personal data goes on erasure. */
@ApplicationScoped
class CustomerEventsHandler implements EventHandlers {

    void on(CustomerRegistered event) {
        Customer.withId(event.customerId()).replaceWith(new Customer.Snapshot(event.name(), event.kind().name(),
                event.classification(), event.conditions(), event.currency(), event.billingAddress(), event.email(),
                event.phone(), event.vatId()), event.occurredAt());
    }

    void on(CustomerChanged event) {
        Customer.withId(event.customerId()).replaceWith(new Customer.Snapshot(event.name(), event.kind().name(),
                event.classification(), event.conditions(), event.currency(), event.billingAddress(), event.email(),
                event.phone(), event.vatId()), event.occurredAt());
    }

    void on(CustomerErased event) {
        Customer customer = Customer.findById(event.customerId());
        if (customer != null) {
            customer.erase(event.occurredAt());
        }
    }
}
