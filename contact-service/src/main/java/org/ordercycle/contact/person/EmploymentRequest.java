package org.ordercycle.contact.person;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** A person works for an organization; {@code validFrom}/{@code validTo} inclusive, open when absent. */
public record EmploymentRequest(
        @NotNull UUID organizationId,
        @Size(max = 100) String position,
        @Size(max = 100) String department,
        LocalDate validFrom,
        LocalDate validTo) {

    @JsonIgnore
    @AssertTrue(message = "validTo must not be before validFrom")
    public boolean isPeriod() {
        return validFrom == null || validTo == null || !validTo.isBefore(validFrom);
    }
}
