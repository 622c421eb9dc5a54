package org.ordercycle.sales;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.contact.Conditions;
import org.ordercycle.events.contact.CustomerChanged;
import org.ordercycle.events.contact.CustomerKind;
import org.ordercycle.events.contact.CustomerRegistered;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.sales.customer.Customer;

/** Customers as contact announces them on {@code contact.customers}, and a look at what sales made of them. */
public final class ContactEvents {

    private ContactEvents() {
    }

    public static CustomerRegistered registered(UUID customerId, String name) {
        return new CustomerRegistered(UUID.randomUUID(), Instant.now(), customerId, CustomerKind.ORGANIZATION, name,
                Classification.INTERNAL_AFFILIATE, "A", "sam",
                new Conditions(new BigDecimal("5.00"), 30, null, "WHOLESALE"), "CHF", null, "buyer@example.com", null,
                null);
    }

    public static CustomerChanged changed(UUID customerId, String name) {
        return new CustomerChanged(UUID.randomUUID(), Instant.now(), customerId, CustomerKind.ORGANIZATION, name,
                Classification.EXTERNAL, "B", null, new Conditions(new BigDecimal("2.50"), 60, null, "STANDARD"),
                "EUR", null, null, null, null);
    }

    /** Registers a new customer through contact's topic and waits until sales knows it. */
    public static UUID knownCustomer() {
        UUID id = UUID.randomUUID();
        TopicClient.sendEvent(registered(id, "Customer " + id));
        awaitCustomer(id, customer -> true);
        return id;
    }

    /** Waits until sales holds the customer in the expected state, and returns it. */
    public static Customer awaitCustomer(UUID id, Predicate<Customer> expected) {
        return await().atMost(30, SECONDS).until(() -> customer(id), customer -> customer != null && expected.test(customer));
    }

    public static Customer customer(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Customer.findById(id));
    }
}
