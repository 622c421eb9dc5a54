package org.ordercycle.billing.invoice;

import java.util.UUID;
import org.ordercycle.billing.customer.Customer;

/** The customer as printed on an invoice when it is issued. */
record Buyer(UUID customerId, String name, String vatId, String street, String postalCode, String city,
        String country, String email, String internalClassification) {

    static Buyer of(UUID customerId) {
        Customer customer = Customer.findById(customerId);
        if (customer == null) {
            return new Buyer(customerId, null, null, null, null, null, null, null, null);
        }
        return new Buyer(customerId, customer.name, customer.vatId, customer.street, customer.postalCode,
                customer.city, customer.country, customer.email, customer.internal() ? customer.classification : null);
    }
}
