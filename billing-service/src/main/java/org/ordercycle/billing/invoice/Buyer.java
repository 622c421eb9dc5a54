package org.ordercycle.billing.invoice;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.ordercycle.billing.customer.Customer;

/** The customer as printed on an invoice when it is issued. */
record Buyer(UUID customerId, String name, String vatId, String street, String postalCode, String city,
        String country, String email, String internalClassification) {

    static Buyer of(UUID customerId) {
        return of(customerId, Customer.findById(customerId));
    }

    /** The buyers of these customers, in one query (a customer contact never told billing of has only its id). */
    static Map<UUID, Buyer> ofAll(Collection<UUID> customerIds) {
        Map<UUID, Customer> customers = new HashMap<>();
        Customer.<Customer>list("id in ?1", customerIds).forEach(customer -> customers.put(customer.id, customer));
        Map<UUID, Buyer> buyers = new HashMap<>();
        customerIds.forEach(id -> buyers.put(id, of(id, customers.get(id))));
        return buyers;
    }

    private static Buyer of(UUID customerId, Customer customer) {
        if (customer == null) {
            return new Buyer(customerId, null, null, null, null, null, null, null, null);
        }
        return new Buyer(customerId, customer.name, customer.vatId, customer.street, customer.postalCode,
                customer.city, customer.country, customer.email, customer.internal() ? customer.classification : null);
    }
}
