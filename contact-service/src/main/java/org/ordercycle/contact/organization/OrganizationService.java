package org.ordercycle.contact.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.contact.ContactConfig;
import org.ordercycle.contact.customer.Classifications;
import org.ordercycle.contact.customer.CustomerEvents;
import org.ordercycle.contact.party.ContactMechanisms;
import org.ordercycle.contact.party.Parties;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.kit.api.ProblemException;

/** Registers and corrects companies, places them in groups, and tells the other departments about customers. */
@ApplicationScoped
@Transactional
public class OrganizationService {

    private final Clock clock;
    private final ContactConfig.NewCustomer defaults;
    private final Parties parties;
    private final ContactMechanisms mechanisms;
    private final Classifications classifications;
    private final CustomerEvents customers;

    OrganizationService(Clock clock, ContactConfig config, Parties parties, ContactMechanisms mechanisms,
            Classifications classifications, CustomerEvents customers) {
        this.clock = clock;
        this.defaults = config.newCustomer();
        this.parties = parties;
        this.mechanisms = mechanisms;
        this.classifications = classifications;
        this.customers = customers;
    }

    public OrganizationView register(OrganizationRequest request, String registeredBy) {
        if (request.classification() == Classification.INTERNAL_EMPLOYEE) {
            throw ProblemException.badRequest("classification", "an organization cannot be an employee");
        }
        Organization organization = Organization.register(request, defaults, clock.instant(), registeredBy);
        parties.refuseDuplicateOrganization(organization.nameKey,
                request.address() == null ? null : request.address().postalCode(), organization.vatId);
        if (request.parentId() != null && Organization.findByIdOptional(request.parentId()).isEmpty()) {
            throw ProblemException.unprocessable("Unknown parent", "organization " + request.parentId() + " does not exist");
        }
        organization.persist();
        mechanisms.addBilling(organization.id, request.address(), request.email(), request.phone());
        organization.classifyAs(classifications.of(organization));
        customers.publish(organization);
        return OrganizationView.from(organization);
    }

    public OrganizationView correct(UUID id, OrganizationDetailsRequest request) {
        Organization organization = get(id);
        if (request.vatId() != null && !request.vatId().equals(organization.vatId)) {
            parties.refuseDuplicateOrganization("", null, request.vatId());
        }
        organization.correct(request.name(), request.vatId());
        customers.publish(organization);
        return OrganizationView.from(organization);
    }

    /** Moves the organization in the group structure; it, everything below it and its people are classified again. */
    public OrganizationView placeInGroup(UUID id, GroupRequest request) {
        Organization organization = get(id);
        classifications.refuseCycle(organization, request.parentId());
        organization.placeInGroup(request.parentId(), request.ownGroup());
        classifications.groupChanged(organization);
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

    /** A party of either kind exists (the timeline is kept per organization and per person). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean partyExists(UUID id) {
        return parties.find(id).isPresent();
    }

    private static Organization get(UUID id) {
        return Organization.<Organization>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("organization", id));
    }

}
