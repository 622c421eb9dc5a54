package org.ordercycle.sales;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.ordercycle.events.Address;
import org.ordercycle.events.Money;
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
                Classification.EXTERNAL, "A", "sam",
                new Conditions(new BigDecimal("5.00"), 30, null, "WHOLESALE"), "CHF", null, "buyer@example.com", null,
                null);
    }

    public static CustomerChanged changed(UUID customerId, String name) {
        return new CustomerChanged(UUID.randomUUID(), Instant.now(), customerId, CustomerKind.ORGANIZATION, name,
                Classification.EXTERNAL, "B", null, new Conditions(new BigDecimal("2.50"), 60, null, "STANDARD"),
                "EUR", null, null, null, null);
    }

    /** A customer of a kind sales prices, taxes, selects or holds differently; all but the id chosen by the test. */
    public record Profile(CustomerKind kind, Classification classification, String tier, String discountPercent,
            Money creditLimit, String priceList, String currency, String country, String vatId) {

        /** An external organization in Germany (the home country) paying in CHF with no discount, tier A. */
        public static Profile external() {
            return new Profile(CustomerKind.ORGANIZATION, Classification.EXTERNAL, "A", "0", null, "STANDARD", "CHF",
                    "DE", null);
        }

        public Profile classification(Classification value) {
            return new Profile(kind, value, tier, discountPercent, creditLimit, priceList, currency, country, vatId);
        }

        public Profile kind(CustomerKind value) {
            return new Profile(value, classification, tier, discountPercent, creditLimit, priceList, currency, country,
                    vatId);
        }

        public Profile tier(String value) {
            return new Profile(kind, classification, value, discountPercent, creditLimit, priceList, currency, country,
                    vatId);
        }

        public Profile discount(String value) {
            return new Profile(kind, classification, tier, value, creditLimit, priceList, currency, country, vatId);
        }

        public Profile creditLimit(String amount) {
            return new Profile(kind, classification, tier, discountPercent, new Money(new BigDecimal(amount), currency),
                    priceList, currency, country, vatId);
        }

        public Profile priceList(String value) {
            return new Profile(kind, classification, tier, discountPercent, creditLimit, value, currency, country,
                    vatId);
        }

        public Profile in(String countryCode, String vat) {
            return new Profile(kind, classification, tier, discountPercent, creditLimit, priceList, currency,
                    countryCode, vat);
        }

        public CustomerRegistered registration(UUID id, String name) {
            return new CustomerRegistered(UUID.randomUUID(), Instant.now(), id, kind, name, classification, tier, "sam",
                    new Conditions(new BigDecimal(discountPercent), 30, creditLimit, priceList), currency,
                    country == null ? null : new Address("Hauptstrasse 1", "10115", "City", null, country),
                    "buyer@example.com", "+49 30 1234567", vatId);
        }

        public CustomerChanged change(UUID id, String name) {
            return new CustomerChanged(UUID.randomUUID(), Instant.now(), id, kind, name, classification, tier, "sam",
                    new Conditions(new BigDecimal(discountPercent), 30, creditLimit, priceList), currency,
                    country == null ? null : new Address("Hauptstrasse 1", "10115", "City", null, country),
                    "buyer@example.com", "+49 30 1234567", vatId);
        }
    }

    /** Registers a customer of the profile through contact's topic and waits until sales knows it. */
    public static UUID knownCustomer(Profile profile) {
        UUID id = UUID.randomUUID();
        TopicClient.sendEvent(profile.registration(id, "Customer " + id));
        awaitCustomer(id, customer -> true);
        return id;
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
