package org.ordercycle.billing.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.ordercycle.events.contact.Conditions;

/**
 * A customer as billing needs it: the currency it is invoiced in and its payment terms, from contact's latest
 * snapshot. Contact owns the customer; billing only replaces its copy.
 */
@Entity
public class Customer extends PanacheEntityBase {

    /** The payment term of a customer billing has not heard of (yet). */
    public static final int DEFAULT_PAYMENT_TERM_DAYS = 30;

    @Id
    public UUID id;

    @Column(columnDefinition = "char(3)")
    public String currency;

    public Integer paymentTermDays;

    public Instant updatedAt;

    /** Days from invoice to due date for this customer; the default when billing does not know it. */
    public static int paymentTermDaysOf(UUID customerId) {
        Customer customer = findById(customerId);
        return customer == null || customer.paymentTermDays == null ? DEFAULT_PAYMENT_TERM_DAYS
                : customer.paymentTermDays;
    }

    static Customer withId(UUID id) {
        Customer customer = findById(id);
        if (customer == null) {
            customer = new Customer();
            customer.id = id;
        }
        return customer;
    }

    /** Replaces what billing holds with contact's snapshot. */
    void replaceWith(Conditions conditions, String currency, Instant publishedAt) {
        this.currency = currency;
        this.paymentTermDays = conditions == null ? null : conditions.paymentTermDays();
        this.updatedAt = publishedAt;
        persist();
    }
}
