package org.ordercycle.contact.search;

import java.util.List;
import java.util.UUID;

/** A person found by name, with the organizations they work for today. */
public record PersonHit(UUID id, String name, String classification, String accountOwner, double score,
        List<Workplace> organizations) {

    public record Workplace(UUID organizationId, String name, String position, String department) {
    }
}
