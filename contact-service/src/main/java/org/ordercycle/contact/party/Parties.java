package org.ordercycle.contact.party;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.contact.ContactConfig;
import org.ordercycle.contact.organization.Organization;
import org.ordercycle.contact.person.Person;
import org.ordercycle.kit.api.ProblemException;

/** Finds a party of either kind by its id, and the party a new registration would duplicate. */
@ApplicationScoped
public class Parties {

    private final EntityManager entities;
    private final ContactConfig.Duplicates duplicates;

    Parties(EntityManager entities, ContactConfig config) {
        this.entities = entities;
        this.duplicates = config.duplicates();
    }

    public Optional<Party> find(UUID id) {
        Optional<Party> organization = Organization.<Organization>findByIdOptional(id).map(Party.class::cast);
        return organization.isPresent() ? organization
                : Person.<Person>findByIdOptional(id).map(Party.class::cast);
    }

    /** The party, or 404. */
    public Party get(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("party", id));
    }

    public static String location(Party party) {
        return (party instanceof Organization ? "/organizations/" : "/persons/") + party.id;
    }

    /** Refuses (409) an organization the CRM knows already: by VAT id, or by normalized name and postal code. */
    public void refuseDuplicateOrganization(String nameKey, String postalCode, String vatId) {
        if (duplicates.rejectSameVatId() && vatId != null) {
            Organization.withVatId(vatId).stream().findFirst().ifPresent(existing -> {
                throw new DuplicateParty("organization %s has VAT id %s already".formatted(existing.id, vatId),
                        existing.id, location(existing));
            });
        }
        refuseSameNameAndPostalCode("organization", nameKey, postalCode);
    }

    /** Refuses (409) a person the CRM knows already: by normalized name and postal code. */
    public void refuseDuplicatePerson(String nameKey, String postalCode) {
        refuseSameNameAndPostalCode("person", nameKey, postalCode);
    }

    private void refuseSameNameAndPostalCode(String table, String nameKey, String postalCode) {
        if (!duplicates.rejectSameNameAndPostalCode() || postalCode == null || postalCode.isBlank()) {
            return;
        }
        entities.createNativeQuery("""
                select p.id from %s p join contact_mechanism m on m.party_id = p.id
                where p.name_key = ?1 and m.kind = 'POSTAL' and m.postal_code = ?2 limit 1""".formatted(table))
                .setParameter(1, nameKey).setParameter(2, postalCode.strip())
                .getResultStream().findFirst().ifPresent(existing -> {
                    UUID id = (UUID) existing;
                    throw new DuplicateParty("%s %s has the same name and postal code %s".formatted(table, id,
                            postalCode.strip()), id, "/" + table + "s/" + id);
                });
    }
}
