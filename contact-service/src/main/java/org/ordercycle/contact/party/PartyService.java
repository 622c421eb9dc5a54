package org.ordercycle.contact.party;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.ordercycle.contact.customer.CustomerEvents;

/**
 * What is the same for organizations and persons: roles, tier, account owner, contact mechanisms. Every change a
 * customer's snapshot carries is published (CustomerChanged; CustomerRegistered for a party that just became a
 * customer).
 */
@ApplicationScoped
@Transactional
public class PartyService {

    private final Parties parties;
    private final ContactMechanisms mechanisms;
    private final CustomerEvents customers;

    PartyService(Parties parties, ContactMechanisms mechanisms, CustomerEvents customers) {
        this.parties = parties;
        this.mechanisms = mechanisms;
        this.customers = customers;
    }

    public PartySummary assignRoles(UUID id, PartyRequests.RolesRequest request) {
        Party party = parties.get(id);
        boolean wasCustomer = party.isCustomer();
        party.assignRoles(request.roles());
        if (!wasCustomer && party.isCustomer()) {
            customers.publish(party);
        }
        return PartySummary.from(party);
    }

    public PartySummary assignTier(UUID id, PartyRequests.TierRequest request) {
        Party party = parties.get(id);
        party.assignTier(request.tier());
        customers.publish(party);
        return PartySummary.from(party);
    }

    public PartySummary assignAccountOwner(UUID id, PartyRequests.AccountOwnerRequest request) {
        Party party = parties.get(id);
        party.assignAccountOwner(request.accountOwner());
        customers.publish(party);
        return PartySummary.from(party);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartySummary find(UUID id) {
        return PartySummary.from(parties.get(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContactMechanismView> mechanisms(UUID id) {
        parties.get(id);
        return ContactMechanism.of(id).stream().map(ContactMechanismView::from).toList();
    }

    public ContactMechanismView addMechanism(UUID id, ContactMechanismRequest request) {
        Party party = parties.get(id);
        ContactMechanism mechanism = mechanisms.add(id, request);
        if (mechanism.billing) {
            customers.publish(party);
        }
        return ContactMechanismView.from(mechanism);
    }

    public void removeMechanism(UUID id, UUID mechanismId) {
        Party party = parties.get(id);
        ContactMechanism mechanism = mechanisms.get(id, mechanismId);
        boolean billing = mechanism.billing;
        mechanisms.remove(mechanism);
        if (billing) {
            customers.publish(party);
        }
    }

    public ContactMechanismView prefer(UUID id, UUID mechanismId) {
        parties.get(id);
        ContactMechanism mechanism = mechanisms.get(id, mechanismId);
        mechanisms.prefer(id, mechanism);
        return ContactMechanismView.from(mechanism);
    }

    public ContactMechanismView useForBilling(UUID id, UUID mechanismId) {
        Party party = parties.get(id);
        ContactMechanism mechanism = mechanisms.get(id, mechanismId);
        if (!mechanism.billing) {
            mechanisms.useForBilling(id, mechanism);
            customers.publish(party);
        }
        return ContactMechanismView.from(mechanism);
    }
}
