package org.ordercycle.returns.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.events.Address;

/**
 * A customer as returns needs it, from contact's latest snapshot: the account owner a ticket links to and the
 * address a pickup defaults to. Contact owns the customer; returns only replaces its copy.
 */
@Entity
public class Customer extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String accountOwner;

    public String street;
    public String postalCode;
    public String city;
    public String region;
    public String country;

    public boolean erased;

    public Instant updatedAt;

    public static Optional<Customer> find(UUID id) {
        return Optional.ofNullable(findById(id));
    }

    /** Replaces what returns holds with contact's snapshot; an older snapshot changes nothing. */
    static void replace(UUID id, String name, String accountOwner, Address address, Instant publishedAt) {
        Customer customer = findById(id);
        if (customer == null) {
            customer = new Customer();
            customer.id = id;
        } else if (customer.erased || customer.updatedAt.isAfter(publishedAt)) {
            return;
        }
        customer.name = name;
        customer.accountOwner = accountOwner;
        customer.street = address == null ? null : address.street();
        customer.postalCode = address == null ? null : address.postalCode();
        customer.city = address == null ? null : address.city();
        customer.region = address == null ? null : address.region();
        customer.country = address == null ? null : address.country();
        customer.updatedAt = publishedAt;
        customer.persist();
    }

    /** Erasure: the personal data goes, the id (and the account owner, an employee) stays for the records. */
    static void erase(UUID id, Instant at) {
        Customer customer = findById(id);
        if (customer == null) {
            customer = new Customer();
            customer.id = id;
        }
        customer.name = "erased";
        customer.street = null;
        customer.postalCode = null;
        customer.city = null;
        customer.region = null;
        customer.country = null;
        customer.erased = true;
        customer.updatedAt = at;
        customer.persist();
    }

    /** The billing address, the pickup's default; empty when contact knows none. */
    public Optional<Address> address() {
        return street == null || city == null || country == null ? Optional.empty()
                : Optional.of(new Address(street, postalCode, city, region, country));
    }
}
