package org.ordercycle.contact.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.contact.ContactConfig;
import org.ordercycle.events.Address;
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
        Organization organization = Organization.register(request, defaults, clock.instant(), registeredBy);
        organization.persist();
        outbox.publish(registered(organization));
        return OrganizationView.from(organization);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OrganizationView> find(UUID id) {
        return Organization.<Organization>findByIdOptional(id).map(OrganizationView::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(UUID id) {
        return Organization.count("id", id) > 0;
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
                organization.email, organization.phone, organization.vatId);
    }
}
