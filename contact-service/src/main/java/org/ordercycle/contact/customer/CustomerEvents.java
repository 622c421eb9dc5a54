package org.ordercycle.contact.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.contact.ContactConfig;
import org.ordercycle.contact.condition.SpecialCondition;
import org.ordercycle.contact.party.ContactMechanism;
import org.ordercycle.contact.party.Party;
import org.ordercycle.events.Address;
import org.ordercycle.events.Money;
import org.ordercycle.events.contact.Conditions;
import org.ordercycle.events.contact.CustomerChanged;
import org.ordercycle.events.contact.CustomerRegistered;
import org.ordercycle.kit.outbox.Outbox;

/**
 * Tells the other departments about a customer: the complete snapshot (classification, tier, account owner, the
 * conditions valid today, billing address, e-mail, phone, VAT id), as CustomerRegistered the first time, as
 * CustomerChanged after. Parties that are not customers (prospects, suppliers, carriers, contact persons) stay in
 * the CRM; once one becomes a customer it is registered.
 *
 * <p>Joins the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerEvents {

    private final Outbox outbox;
    private final Clock clock;
    private final String defaultPriceList;

    CustomerEvents(Outbox outbox, Clock clock, ContactConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.defaultPriceList = config.newCustomer().priceList();
    }

    /** Publishes the party's snapshot if it is a customer; notes which condition it carries either way. */
    public void publish(Party party) {
        Optional<SpecialCondition> condition = SpecialCondition.validOn(party.id, today());
        party.applyCondition(condition.map(valid -> valid.id).orElse(null));
        if (!party.isCustomer() || party.isErased()) {
            return;
        }
        Conditions conditions = conditions(party, condition.orElse(null));
        Address address = ContactMechanism.billing(party.id, ContactMechanism.Kind.POSTAL)
                .map(postal -> new Address(postal.street, postal.postalCode, postal.city, postal.region,
                        postal.country))
                .orElse(null);
        String email = ContactMechanism.billing(party.id, ContactMechanism.Kind.EMAIL).map(m -> m.email).orElse(null);
        String phone = ContactMechanism.billing(party.id, ContactMechanism.Kind.PHONE).map(m -> m.phone).orElse(null);
        String vatId = party instanceof org.ordercycle.contact.organization.Organization organization
                ? organization.vatId : null;
        UUID eventId = UUID.randomUUID();
        if (!party.announced) {
            party.announce();
            outbox.publish(new CustomerRegistered(eventId, clock.instant(), party.id, party.kind(),
                    party.displayName(), party.classification, party.tier.name(), party.accountOwner, conditions,
                    party.currency, address, email, phone, vatId));
        } else {
            outbox.publish(new CustomerChanged(eventId, clock.instant(), party.id, party.kind(), party.displayName(),
                    party.classification, party.tier.name(), party.accountOwner, conditions, party.currency, address,
                    email, phone, vatId));
        }
    }

    /** Publishes the snapshot again if the condition valid today is another than the last snapshot's. */
    public boolean publishIfConditionChanged(Party party) {
        UUID valid = SpecialCondition.validOn(party.id, today()).map(condition -> condition.id).orElse(null);
        if (java.util.Objects.equals(valid, party.appliedConditionId)) {
            return false;
        }
        publish(party);
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

    private Conditions conditions(Party party, SpecialCondition special) {
        if (special == null) {
            return new Conditions(party.discountPercent, party.paymentTermDays, null, defaultPriceList);
        }
        return new Conditions(
                special.discountPercent == null ? party.discountPercent : special.discountPercent,
                special.paymentTermDays == null ? party.paymentTermDays : special.paymentTermDays,
                special.creditLimit == null ? null : new Money(special.creditLimit, special.creditLimitCurrency),
                special.priceList == null ? defaultPriceList : special.priceList);
    }
}
