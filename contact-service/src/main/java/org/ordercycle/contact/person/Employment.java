package org.ordercycle.contact.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A person works (or worked) for an organization: position, department, from/to (both inclusive, open if absent). */
@Entity
public class Employment extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID personId;

    public UUID organizationId;

    public String position;

    public String department;

    public LocalDate validFrom;

    public LocalDate validTo;

    public Instant recordedAt;

    public String recordedBy;

    static Employment begin(UUID personId, EmploymentRequest request, Instant at, String by) {
        Employment employment = new Employment();
        employment.id = UUID.randomUUID();
        employment.personId = personId;
        employment.organizationId = request.organizationId();
        employment.position = request.position();
        employment.department = request.department();
        employment.validFrom = request.validFrom();
        employment.validTo = request.validTo();
        employment.recordedAt = at;
        employment.recordedBy = by;
        return employment;
    }

    /** The employment ends with {@code lastDay} (inclusive). */
    void end(LocalDate lastDay) {
        validTo = lastDay;
    }

    public boolean currentOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }

    static List<Employment> of(UUID personId) {
        return list("personId = ?1 order by validFrom nulls first, recordedAt", personId);
    }

    static List<Employment> at(UUID organizationId) {
        return list("organizationId = ?1 order by validFrom nulls first, recordedAt", organizationId);
    }
}
