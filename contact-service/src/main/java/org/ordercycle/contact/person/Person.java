package org.ordercycle.contact.person;

import jakarta.persistence.Entity;
import java.math.RoundingMode;
import java.time.Instant;
import org.ordercycle.contact.ContactConfig;
import org.ordercycle.contact.party.Party;
import org.ordercycle.events.contact.CustomerKind;

/** A person the CRM knows: a contact at an organization, a private customer, an own employee. */
@Entity
public class Person extends Party {

    public String firstName;

    public String lastName;

    /** When the personal data was erased (right to erasure); null while it is kept. */
    public java.time.Instant erasedAt;

    /** What an erased person's name reads. */
    public static final String ERASED = "erased";

    @Override
    public CustomerKind kind() {
        return CustomerKind.PERSON;
    }

    @Override
    public String displayName() {
        return erasedAt != null ? ERASED : firstName + " " + lastName;
    }

    @Override
    public boolean isErased() {
        return erasedAt != null;
    }

    /** The personal data goes (the name here; the caller deletes the contact mechanisms); the record stays. */
    public void erase(java.time.Instant at) {
        firstName = ERASED;
        lastName = ERASED;
        nameKey = ERASED;
        erasedAt = at;
    }

    /** A person becomes known; without roles a contact person only (not a customer). */
    static Person register(PersonRequest request, ContactConfig.NewCustomer defaults, Instant at, String by) {
        Person person = new Person();
        person.initialize(request.roles() == null ? java.util.EnumSet.noneOf(org.ordercycle.contact.party.PartyRole.class)
                        : request.roles(), request.tier(), request.accountOwner(),
                request.currency() == null ? defaults.currency() : request.currency(),
                request.paymentTermDays() == null ? defaults.paymentTermDays() : request.paymentTermDays(),
                (request.discountPercent() == null ? defaults.discountPercent() : request.discountPercent())
                        .setScale(2, RoundingMode.UNNECESSARY),
                at, by);
        if (request.roles() == null || request.roles().isEmpty()) {
            person.roles = new String[0];
        }
        person.rename(request.firstName(), request.lastName());
        return person;
    }

    void rename(String first, String last) {
        firstName = first.strip();
        lastName = last.strip();
        nameKey = normalize(displayName());
    }
}
