package org.ordercycle.billing.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.ordercycle.events.Address;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.contact.Conditions;

/**
 * A customer as billing needs it: who it is, where invoices go, its classification (internal invoices), VAT id
 * (reverse charge), currency and special conditions, from contact's latest snapshot. Contact owns the customer;
 * billing only replaces its copy, and drops the personal data when contact erases the customer.
 */
@Entity
public class Customer extends PanacheEntityBase {

    /** The payment term of a customer billing has not heard of (yet). */
    public static final int DEFAULT_PAYMENT_TERM_DAYS = 30;

    public static final String ERASED = "erased";

    @Id
    public UUID id;

    public String name;

    public String kind;

    public String classification;

    public String vatId;

    public String email;

    public String phone;

    public String street;

    public String postalCode;

    public String city;

    public String region;

    public String country;

    @Column(columnDefinition = "char(3)")
    public String currency;

    public Integer paymentTermDays;

    public BigDecimal discountPercent;

    public BigDecimal creditLimit;

    public boolean erased;

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

    /** Replaces what billing holds with contact's snapshot; an erased customer's snapshot brings nothing back. */
    void replaceWith(Snapshot snapshot, Instant publishedAt) {
        Conditions conditions = snapshot.conditions();
        this.currency = snapshot.currency();
        this.paymentTermDays = conditions == null ? null : conditions.paymentTermDays();
        this.discountPercent = conditions == null ? null : conditions.discountPercent();
        this.creditLimit = conditions == null || conditions.creditLimit() == null ? null
                : conditions.creditLimit().amount();
        this.kind = snapshot.kind();
        this.classification = snapshot.classification() == null ? Classification.EXTERNAL.name()
                : snapshot.classification().name();
        if (!erased) {
            this.name = snapshot.name();
            this.vatId = snapshot.vatId();
            this.email = snapshot.email();
            this.phone = snapshot.phone();
            Address address = snapshot.billingAddress();
            this.street = address == null ? null : address.street();
            this.postalCode = address == null ? null : address.postalCode();
            this.city = address == null ? null : address.city();
            this.region = address == null ? null : address.region();
            this.country = address == null ? null : address.country();
        }
        this.updatedAt = publishedAt;
        persist();
    }

    /**
     * Right to erasure: the personal data goes, the business terms invoices and open items need stay. Issued
     * invoices keep the buyer as printed on them (a legal record).
     */
    void erase(Instant erasedAt) {
        name = ERASED;
        email = null;
        phone = null;
        street = null;
        postalCode = null;
        city = null;
        region = null;
        country = null;
        if ("PERSON".equals(kind)) {
            vatId = null;
        }
        erased = true;
        updatedAt = erasedAt;
        persist();
    }

    public boolean internal() {
        return classification != null && classification.startsWith("INTERNAL");
    }

    /** What billing reads of contact's CustomerRegistered / CustomerChanged. */
    record Snapshot(String name, String kind, Classification classification, Conditions conditions, String currency,
            Address billingAddress, String email, String phone, String vatId) {
    }
}
