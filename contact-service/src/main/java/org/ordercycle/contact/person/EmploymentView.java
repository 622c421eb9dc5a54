package org.ordercycle.contact.person;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's work for an organization.
 *
 * @param current whether it holds today
 */
public record EmploymentView(UUID id, UUID personId, String personName, UUID organizationId, String organizationName,
        String position, String department, LocalDate validFrom, LocalDate validTo, boolean current) {

    static EmploymentView from(Employment employment, String personName, String organizationName, LocalDate today) {
        return new EmploymentView(employment.id, employment.personId, personName, employment.organizationId,
                organizationName, employment.position, employment.department, employment.validFrom,
                employment.validTo, employment.currentOn(today));
    }
}
