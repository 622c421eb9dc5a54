package org.ordercycle.contact.organization;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.ordercycle.events.contact.Classification;

/** An organization as the API shows it. */
public record OrganizationView(UUID id, String name, AddressView address, String email, String phone, Tier tier,
        Classification classification, String accountOwner, String currency, int paymentTermDays,
        BigDecimal discountPercent, String vatId, Instant registeredAt, String registeredBy) {

    public record AddressView(String street, String postalCode, String city, String region, String country) {
    }

    static OrganizationView from(Organization organization) {
        Organization.PostalAddress address = organization.address;
        return new OrganizationView(organization.id, organization.name,
                address == null ? null : new AddressView(address.street, address.postalCode, address.city,
                        address.region, address.country),
                organization.email, organization.phone, organization.tier, organization.classification,
                organization.accountOwner, organization.currency, organization.paymentTermDays,
                organization.discountPercent, organization.vatId, organization.registeredAt, organization.registeredBy);
    }
}
