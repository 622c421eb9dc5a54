package org.ordercycle.contact.person;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ordercycle.contact.party.ContactMechanismView;
import org.ordercycle.contact.party.PartyRole;
import org.ordercycle.contact.party.Tier;
import org.ordercycle.events.contact.Classification;

/** A person with the organizations they work (or worked) for and how to reach them. */
public record PersonView(UUID id, String firstName, String lastName, Set<PartyRole> roles, Tier tier,
        Classification classification, String accountOwner, String currency, int paymentTermDays,
        BigDecimal discountPercent, List<EmploymentView> employments, List<ContactMechanismView> contactMechanisms,
        Instant registeredAt, String registeredBy) {
}
