package org.ordercycle.billing.customer;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.contact.CustomerChanged;
import org.ordercycle.events.contact.CustomerRegistered;
import org.ordercycle.kit.inbox.EventHandlers;

/**
 * Keeps billing's copy of every customer's currency and payment terms. CustomerErased is skipped on purpose:
 * billing holds no personal data of a customer, only business terms its invoices need.
 */
@ApplicationScoped
class CustomerEventsHandler implements EventHandlers {

    void on(CustomerRegistered event) {
        Customer.withId(event.customerId()).replaceWith(event.conditions(), event.currency(), event.occurredAt());
    }

    void on(CustomerChanged event) {
        Customer.withId(event.customerId()).replaceWith(event.conditions(), event.currency(), event.occurredAt());
    }
}
