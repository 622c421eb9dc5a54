package org.ordercycle.sales.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.contact.Conditions;
import org.ordercycle.events.contact.CustomerKind;
import org.ordercycle.events.Address;
import org.ordercycle.events.Money;
import org.ordercycle.kit.api.ProblemException;

/**
 * A customer as sales needs it to take orders: the latest snapshot contact published. Contact owns the customer;
 * sales only ever replaces its copy with what contact says.
 */
@Entity
public class Customer extends PanacheEntityBase {

    /** What a customer's name reads after contact erased its personal data. */
    public static final String ERASED_NAME = "erased";

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Classification classification;

    public String tier;

    public String accountOwner;

    @Column(columnDefinition = "char(3)")
    public String currency;

    public Integer paymentTermDays;

    public BigDecimal discountPercent;

    public String priceList;

    /** The most the customer may owe at once (contact's conditions); null when none is agreed: never held. */
    public BigDecimal creditLimit;

    @Column(columnDefinition = "char(3)")
    public String creditLimitCurrency;

    @Enumerated(EnumType.STRING)
    public CustomerKind kind;

    /** The customer's VAT identification number, when contact knows it. */
    public String vatId;

    /** ISO-3166 alpha-2 country of the billing address, when contact knows it. */
    public String country;

    /** Contact erased the customer's personal data: only the id is left, and no new order may name it. */
    public boolean erased;

    /** When contact published the snapshot (or the erasure) this row holds. */
    public Instant updatedAt;

    /** The customer's conditions as plain values, for pricing, tax, credit and the selection policy. */
    public CustomerTerms terms() {
        return new CustomerTerms(id, classification, tier, currency, discountPercent, priceList, creditLimit,
                creditLimitCurrency, kind, vatId, country, erased);
    }

    /** The terms of the customer a new order or quote may name: 422 when contact has not registered it or erased it. */
    public static CustomerTerms orderable(UUID customerId) {
        Customer customer = findById(customerId);
        return requireOrderable(customerId, customer == null ? null : customer.terms());
    }

    /** The customer read for a new order or quote (null when sales does not know it), or the 422 why it may not. */
    public static CustomerTerms requireOrderable(UUID customerId, CustomerTerms customer) {
        if (customer == null) {
            // Contact registers customers; its event may simply not have reached sales yet.
            throw ProblemException.unprocessable("Unknown customer",
                    "customer " + customerId + " is not known to sales (yet): register it in contact first");
        }
        if (customer.erased()) {
            throw ProblemException.unprocessable("Erased customer",
                    "customer " + customerId + " was erased and takes no new orders");
        }
        return customer;
    }

    /** The customer with this id, new if sales has not heard of it: contact's events may be the first word. */
    static Customer withId(UUID id) {
        Customer customer = findById(id);
        if (customer == null) {
            customer = new Customer();
            customer.id = id;
        }
        return customer;
    }

    /** Replaces everything sales holds with contact's snapshot; consumers replace, they never merge. */
    void replaceWith(String name, Classification classification, String tier, String accountOwner,
            Conditions conditions, String currency, CustomerKind kind, Address billingAddress, String vatId,
            Instant publishedAt) {
        if (erased) {
            return; // erasure is final: a snapshot published before it must not bring the personal data back
        }
        hold(name, classification, tier, accountOwner, conditions, currency);
        this.kind = kind;
        this.vatId = vatId;
        this.country = billingAddress == null ? null : billingAddress.country();
        updatedAt = publishedAt;
        persist(); // inserts a new customer with its snapshot; a known one is already managed
    }

    /** Keeps the bare id, which orders and invoices still point at, and forgets everything else. */
    void erase(Instant erasedAt) {
        hold(null, null, null, null, null, null);
        name = ERASED_NAME;
        kind = null;
        vatId = null;
        country = null;
        erased = true;
        updatedAt = erasedAt;
        persist();
    }

    private void hold(String name, Classification classification, String tier, String accountOwner,
            Conditions conditions, String currency) {
        this.name = name;
        this.classification = classification;
        this.tier = tier;
        this.accountOwner = accountOwner;
        this.currency = currency;
        this.paymentTermDays = conditions == null ? null : conditions.paymentTermDays();
        this.discountPercent = conditions == null ? null : conditions.discountPercent();
        this.priceList = conditions == null ? null : conditions.priceList();
        Money limit = conditions == null ? null : conditions.creditLimit();
        this.creditLimit = limit == null ? null : limit.amount();
        this.creditLimitCurrency = limit == null ? null : limit.currency();
    }
}
