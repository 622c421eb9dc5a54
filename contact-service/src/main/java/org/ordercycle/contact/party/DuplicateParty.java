package org.ordercycle.contact.party;

import java.util.UUID;

/** A registration that names a party the CRM knows already: answered 409 pointing at it. */
public class DuplicateParty extends RuntimeException {

    private final UUID existingId;
    private final String location;

    public DuplicateParty(String detail, UUID existingId, String location) {
        super(detail, null, false, false);
        this.existingId = existingId;
        this.location = location;
    }

    public UUID existingId() {
        return existingId;
    }

    public String location() {
        return location;
    }
}
