package org.ordercycle.contact.search;

import java.util.List;
import java.util.UUID;

/**
 * Who is calling from a number, and whom to put the call through to.
 *
 * @param digits the number as compared: digits with the country code
 */
public record SwitchboardView(String phone, String digits, List<Caller> callers) {

    /**
     * A party with this number.
     *
     * @param putThroughTo the account owner: the person's own, else the account owner of the (first) organization
     *                     they work for; for an organization its own
     */
    public record Caller(UUID partyId, String kind, String name, List<PersonHit.Workplace> organizations,
            String putThroughTo) {
    }
}
