package org.ordercycle.contact.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.ordercycle.events.contact.Classification;

/** A company the CRM knows: a customer, or a company of the own group (an internal customer). */
@Entity
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Embedded
    public PostalAddress address;

    public String email;

    public String phone;

    @Enumerated(EnumType.STRING)
    public Tier tier;

    @Enumerated(EnumType.STRING)
    public Classification classification;

    public String accountOwner;

    public String currency;

    public int paymentTermDays;

    public BigDecimal discountPercent;

    public Instant registeredAt;

    public String registeredBy;

    @Version
    public long version;

    /** Postal address as the customer wants it on invoices. */
    @Embeddable
    public static class PostalAddress {
        public String street;
        public String postalCode;
        public String city;
        public String region;
        @Column(columnDefinition = "char(2)")
        public String country;
    }
}
