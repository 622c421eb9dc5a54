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
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.ordercycle.contact.ContactConfig;
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

    public String vatId;

    public Instant registeredAt;

    public String registeredBy;

    @Version
    public long version;

    /**
     * A company becomes a customer: what the request leaves open comes from the conditions configured for new
     * customers. The discount is kept with two decimals, as stored, so the answer, a later read and the published
     * snapshot all show the same figure.
     */
    static Organization register(OrganizationRequest request, ContactConfig.NewCustomer defaults, Instant at,
            String by) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.name = request.name().strip();
        organization.address = PostalAddress.of(request.address());
        organization.email = request.email();
        organization.phone = request.phone();
        organization.tier = request.tier() == null ? Tier.C : request.tier();
        organization.classification = request.classification() == null ? Classification.EXTERNAL
                : request.classification();
        organization.accountOwner = request.accountOwner();
        organization.currency = request.currency() == null ? defaults.currency() : request.currency();
        organization.discountPercent = (request.discountPercent() == null ? defaults.discountPercent()
                : request.discountPercent()).setScale(2, RoundingMode.UNNECESSARY);
        organization.paymentTermDays = request.paymentTermDays() == null ? defaults.paymentTermDays()
                : request.paymentTermDays();
        organization.vatId = request.vatId();
        organization.registeredAt = at;
        organization.registeredBy = by;
        return organization;
    }

    /** Postal address as the customer wants it on invoices. */
    @Embeddable
    public static class PostalAddress {
        public String street;
        public String postalCode;
        public String city;
        public String region;
        @Column(columnDefinition = "char(2)")
        public String country;

        static PostalAddress of(OrganizationRequest.AddressRequest request) {
            if (request == null) {
                return null;
            }
            PostalAddress address = new PostalAddress();
            address.street = request.street();
            address.postalCode = request.postalCode();
            address.city = request.city();
            address.region = request.region();
            address.country = request.country();
            return address;
        }
    }
}
