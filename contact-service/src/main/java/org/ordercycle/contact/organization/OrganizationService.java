package org.ordercycle.contact.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.contact.ContactConfig;
import org.ordercycle.events.Address;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.contact.Conditions;
import org.ordercycle.events.contact.CustomerKind;
import org.ordercycle.events.contact.CustomerRegistered;
import org.ordercycle.kit.outbox.Outbox;

/** Registers companies and tells the other departments about each new customer. */
@ApplicationScoped
@Transactional
public class OrganizationService {

    private final Outbox outbox;
    private final Clock clock;
    private final ContactConfig.NewCustomer defaults;

    OrganizationService(Outbox outbox, Clock clock, ContactConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.defaults = config.newCustomer();
    }

    public OrganizationView register(OrganizationRequest request, String registeredBy) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.name = request.name().strip();
        organization.address = address(request.address());
        organization.email = request.email();
        organization.phone = request.phone();
        organization.tier = request.tier() == null ? Tier.C : request.tier();
        organization.classification = request.classification() == null ? Classification.EXTERNAL : request.classification();
        organization.accountOwner = request.accountOwner();
        organization.currency = request.currency() == null ? defaults.currency() : request.currency();
        organization.paymentTermDays = defaults.paymentTermDays();
        organization.discountPercent = defaults.discountPercent();
        organization.registeredAt = clock.instant();
        organization.registeredBy = registeredBy;
        organization.persist();
        outbox.publish(registered(organization));
        return OrganizationView.from(organization);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OrganizationView> find(UUID id) {
        return Organization.<Organization>findByIdOptional(id).map(OrganizationView::from);
    }

    private CustomerRegistered registered(Organization organization) {
        Organization.PostalAddress address = organization.address;
        return new CustomerRegistered(UUID.randomUUID(), organization.registeredAt, organization.id,
                CustomerKind.ORGANIZATION, organization.name, organization.classification, organization.tier.name(),
                organization.accountOwner,
                new Conditions(organization.discountPercent, organization.paymentTermDays,
                        null, defaults.priceList()),
                organization.currency,
                address == null ? null
                        : new Address(address.street, address.postalCode, address.city, address.region, address.country),
                organization.email, organization.phone, null);
    }

    private static Organization.PostalAddress address(OrganizationRequest.AddressRequest request) {
        if (request == null) {
            return null;
        }
        Organization.PostalAddress address = new Organization.PostalAddress();
        address.street = request.street();
        address.postalCode = request.postalCode();
        address.city = request.city();
        address.region = request.region();
        address.country = request.country();
        return address;
    }
}
