package org.ordercycle.contact.party;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One way to reach a party: a postal address, an e-mail address or a phone number. Per kind, one may be the
 * billing one (it travels in the customer snapshot: invoices go there); per party, one may be the preferred channel.
 */
@Entity
public class ContactMechanism extends PanacheEntityBase {

    public enum Kind {
        POSTAL, EMAIL, PHONE
    }

    @Id
    public UUID id;

    public UUID partyId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String label;

    public String street;

    public String postalCode;

    public String city;

    public String region;

    @Column(columnDefinition = "char(2)")
    public String country;

    public String email;

    public String phone;

    /** The number as digits with its country code, what the switchboard looks up. */
    public String phoneDigits;

    public boolean billing;

    public boolean preferred;

    @Version
    public long version;

    public static ContactMechanism postal(UUID partyId, String label, String street, String postalCode, String city,
            String region, String country) {
        ContactMechanism mechanism = of(partyId, Kind.POSTAL, label);
        mechanism.street = street;
        mechanism.postalCode = postalCode;
        mechanism.city = city;
        mechanism.region = region;
        mechanism.country = country;
        return mechanism;
    }

    public static ContactMechanism email(UUID partyId, String label, String email) {
        ContactMechanism mechanism = of(partyId, Kind.EMAIL, label);
        mechanism.email = email;
        return mechanism;
    }

    public static ContactMechanism phone(UUID partyId, String label, String phone, String countryCode) {
        ContactMechanism mechanism = of(partyId, Kind.PHONE, label);
        mechanism.phone = phone;
        mechanism.phoneDigits = PhoneNumbers.digits(phone, countryCode);
        return mechanism;
    }

    private static ContactMechanism of(UUID partyId, Kind kind, String label) {
        ContactMechanism mechanism = new ContactMechanism();
        mechanism.id = UUID.randomUUID();
        mechanism.partyId = partyId;
        mechanism.kind = kind;
        mechanism.label = label;
        return mechanism;
    }

    /** Invoices and the snapshot use this one (of its kind) from now on. */
    public void useForBilling() {
        billing = true;
    }

    public void stopUsingForBilling() {
        billing = false;
    }

    /** The party wants to be reached this way first. */
    public void prefer() {
        preferred = true;
    }

    public void stopPreferring() {
        preferred = false;
    }

    public static List<ContactMechanism> of(UUID partyId) {
        return list("partyId = ?1 order by kind, billing desc, id", partyId);
    }

    public static Optional<ContactMechanism> billing(UUID partyId, Kind kind) {
        return find("partyId = ?1 and kind = ?2 and billing = true", partyId, kind).firstResultOptional();
    }
}
