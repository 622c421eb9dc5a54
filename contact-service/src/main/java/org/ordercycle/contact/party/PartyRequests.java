package org.ordercycle.contact.party;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** The small commands on a party. */
public final class PartyRequests {

    private PartyRequests() {
    }

    /** The roles the party has from now on (may be empty: a contact only). */
    public record RolesRequest(@NotNull @Size(max = 5) Set<@NotNull PartyRole> roles) {
    }

    public record TierRequest(@NotNull Tier tier) {
    }

    /** User name of the employee who owns the relationship; absent or blank: none. */
    public record AccountOwnerRequest(@Size(max = 100) String accountOwner) {
    }
}
