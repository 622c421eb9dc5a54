package org.ordercycle.contact.organization;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.ordercycle.contact.party.AddressView;
import org.ordercycle.contact.party.ContactMechanism;
import org.ordercycle.contact.party.PartyRole;
import org.ordercycle.contact.party.Tier;
import org.ordercycle.events.contact.Classification;

/**
 * An organization as the API shows it; address, e-mail and phone are its billing contact mechanisms.
 *
 * @param classification derived from the group structure
 */
public record OrganizationView(UUID id, String name, AddressView address, String email, String phone, Tier tier,
        Classification classification, String accountOwner, String currency, int paymentTermDays,
        BigDecimal discountPercent, String vatId, Instant registeredAt, String registeredBy, Set<PartyRole> roles,
        UUID parentId, boolean ownGroup) {

    static OrganizationView from(Organization organization) {
        return new OrganizationView(organization.id, organization.name,
                ContactMechanism.billing(organization.id, ContactMechanism.Kind.POSTAL).map(AddressView::of).orElse(null),
                ContactMechanism.billing(organization.id, ContactMechanism.Kind.EMAIL).map(m -> m.email).orElse(null),
                ContactMechanism.billing(organization.id, ContactMechanism.Kind.PHONE).map(m -> m.phone).orElse(null),
                organization.tier, organization.classification, organization.accountOwner, organization.currency,
                organization.paymentTermDays, organization.discountPercent, organization.vatId,
                organization.registeredAt, organization.registeredBy, organization.roleSet(), organization.parentId,
                organization.ownGroup);
    }
}
