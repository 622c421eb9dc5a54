package org.ordercycle.contact.organization;

import jakarta.persistence.Entity;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ordercycle.contact.ContactConfig;
import org.ordercycle.contact.party.Party;
import org.ordercycle.events.contact.CustomerKind;

/**
 * A company the CRM knows: a customer, prospect, supplier or carrier, possibly part of a group (its parent), possibly
 * a company of the own group.
 */
@Entity
public class Organization extends Party {

    public String name;

    public String vatId;

    /** The organization it belongs to in a group structure; null at the top. */
    public UUID parentId;

    /** Marked as a company of the own group: it and everything below it are internal affiliates. */
    public boolean ownGroup;

    @Override
    public CustomerKind kind() {
        return CustomerKind.ORGANIZATION;
    }

    @Override
    public String displayName() {
        return name;
    }

    /**
     * A company becomes known: what the request leaves open comes from the conditions configured for new customers.
     * The discount is kept with two decimals, as stored, so the answer, a later read and the published snapshot all
     * show the same figure. Without roles it is a customer (as every registration was before roles existed).
     */
    static Organization register(OrganizationRequest request, ContactConfig.NewCustomer defaults, Instant at,
            String by) {
        Organization organization = new Organization();
        organization.initialize(request.roles(), request.tier(), request.accountOwner(),
                request.currency() == null ? defaults.currency() : request.currency(),
                request.paymentTermDays() == null ? defaults.paymentTermDays() : request.paymentTermDays(),
                (request.discountPercent() == null ? defaults.discountPercent() : request.discountPercent())
                        .setScale(2, RoundingMode.UNNECESSARY),
                at, by);
        organization.rename(request.name());
        organization.vatId = request.vatId();
        organization.parentId = request.parentId();
        organization.ownGroup = Boolean.TRUE.equals(request.ownGroup())
                || request.classification() == org.ordercycle.events.contact.Classification.INTERNAL_AFFILIATE;
        return organization;
    }

    /** The company's name or VAT id was corrected (or changed). */
    void correct(String newName, String newVatId) {
        rename(newName);
        vatId = newVatId;
    }

    private void rename(String newName) {
        name = newName.strip();
        nameKey = normalize(name);
    }

    /** Moves the company in the group structure: below {@code parent} (null: at the top), in the own group or not. */
    void placeInGroup(UUID parent, boolean inOwnGroup) {
        parentId = parent;
        ownGroup = inOwnGroup;
    }

    public static List<Organization> withVatId(String vatId) {
        return list("vatId", vatId);
    }
}
