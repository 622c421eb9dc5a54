package org.ordercycle.contact.party;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.ordercycle.contact.ContactConfig;
import org.ordercycle.kit.api.ProblemException;

/** Adds, removes and marks a party's contact mechanisms, keeping one billing mechanism per kind and one preferred. */
@ApplicationScoped
public class ContactMechanisms {

    private final String countryCode;

    ContactMechanisms(ContactConfig config) {
        this.countryCode = config.switchboard().defaultCountryCode();
    }

    /** The billing address, e-mail and phone a registration names (each optional). */
    public void addBilling(UUID partyId, AddressRequest address, String email, String phone) {
        if (address != null) {
            add(partyId, ContactMechanism.postal(partyId, null, address.street(), trim(address.postalCode()),
                    address.city(), address.region(), address.country()), true, false);
        }
        if (email != null) {
            add(partyId, ContactMechanism.email(partyId, null, email), true, false);
        }
        if (phone != null) {
            add(partyId, ContactMechanism.phone(partyId, null, phone, countryCode), true, false);
        }
    }

    public ContactMechanism add(UUID partyId, ContactMechanismRequest request) {
        boolean postal = request.address() != null;
        boolean email = request.email() != null;
        boolean phone = request.phone() != null;
        ContactMechanism mechanism = switch (request.kind()) {
            case POSTAL -> {
                requireOnly("address", postal, email || phone);
                AddressRequest address = request.address();
                yield ContactMechanism.postal(partyId, request.label(), address.street(), trim(address.postalCode()),
                        address.city(), address.region(), address.country());
            }
            case EMAIL -> {
                requireOnly("email", email, postal || phone);
                yield ContactMechanism.email(partyId, request.label(), request.email());
            }
            case PHONE -> {
                requireOnly("phone", phone, postal || email);
                yield ContactMechanism.phone(partyId, request.label(), request.phone(), countryCode);
            }
        };
        return add(partyId, mechanism, Boolean.TRUE.equals(request.billing()), Boolean.TRUE.equals(request.preferred()));
    }

    private ContactMechanism add(UUID partyId, ContactMechanism mechanism, boolean billing, boolean preferred) {
        mechanism.persist();
        if (billing) {
            useForBilling(partyId, mechanism);
        }
        if (preferred) {
            prefer(partyId, mechanism);
        }
        return mechanism;
    }

    public ContactMechanism get(UUID partyId, UUID mechanismId) {
        return ContactMechanism.<ContactMechanism>findByIdOptional(mechanismId)
                .filter(mechanism -> mechanism.partyId.equals(partyId))
                .orElseThrow(() -> ProblemException.notFound("contact mechanism", mechanismId));
    }

    /** The billing one of its kind from now on (the one before it no longer). */
    public void useForBilling(UUID partyId, ContactMechanism mechanism) {
        ContactMechanism.billing(partyId, mechanism.kind).filter(other -> other != mechanism)
                .ifPresent(ContactMechanism::stopUsingForBilling);
        mechanism.useForBilling();
    }

    /** The party's preferred channel from now on (the one before it no longer). */
    public void prefer(UUID partyId, ContactMechanism mechanism) {
        ContactMechanism.<ContactMechanism>stream("partyId = ?1 and preferred = true", partyId)
                .filter(other -> other != mechanism).forEach(ContactMechanism::stopPreferring);
        mechanism.prefer();
    }

    public void remove(ContactMechanism mechanism) {
        mechanism.delete();
    }

    private static void requireOnly(String field, boolean present, boolean others) {
        if (!present) {
            throw ProblemException.badRequest(field, "is required for this kind");
        }
        if (others) {
            throw ProblemException.badRequest("kind", "names one of address, email, phone: only " + field);
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
