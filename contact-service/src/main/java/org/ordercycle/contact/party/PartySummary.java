package org.ordercycle.contact.party;

import java.util.Set;
import java.util.UUID;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.contact.CustomerKind;

/** A party of either kind, with what organizations and persons have in common. */
public record PartySummary(UUID id, CustomerKind kind, String name, Set<PartyRole> roles, Tier tier,
        Classification classification, String accountOwner) {

    public static PartySummary from(Party party) {
        return new PartySummary(party.id, party.kind(), party.displayName(), party.roleSet(), party.tier,
                party.classification, party.accountOwner);
    }
}
