package org.ordercycle.contact.party;

import java.util.UUID;

public record ContactMechanismView(UUID id, ContactMechanism.Kind kind, String label, AddressView address,
        String email, String phone, boolean billing, boolean preferred) {

    public static ContactMechanismView from(ContactMechanism mechanism) {
        return new ContactMechanismView(mechanism.id, mechanism.kind, mechanism.label,
                mechanism.kind == ContactMechanism.Kind.POSTAL ? AddressView.of(mechanism) : null, mechanism.email,
                mechanism.phone, mechanism.billing, mechanism.preferred);
    }
}
