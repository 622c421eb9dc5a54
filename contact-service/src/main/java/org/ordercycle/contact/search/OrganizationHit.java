package org.ordercycle.contact.search;

import java.util.List;
import java.util.UUID;

/**
 * An organization found by name, with the people who work for it today.
 *
 * @param score how well the name matched (1 = exactly), pg_trgm word similarity
 */
public record OrganizationHit(UUID id, String name, String classification, String tier, String accountOwner,
        double score, List<PersonAt> people) {

    public record PersonAt(UUID personId, String name, String position, String department) {
    }
}
