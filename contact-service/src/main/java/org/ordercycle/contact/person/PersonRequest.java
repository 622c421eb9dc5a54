package org.ordercycle.contact.person;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.ordercycle.contact.party.AddressRequest;
import org.ordercycle.contact.party.ContactMechanismRequest;
import org.ordercycle.contact.party.PartyRole;
import org.ordercycle.contact.party.Tier;

/**
 * Registers a person. Only the names are required. Without roles the person is a contact only (not published);
 * with role CUSTOMER a private customer ({@code kind PERSON} on contact.customers). Address, e-mail and phone
 * become the person's billing contact mechanisms; employments may be given at once.
 */
public record PersonRequest(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Valid AddressRequest address,
        @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
        @Size(max = 40) @Pattern(regexp = ContactMechanismRequest.PHONE, message = ContactMechanismRequest.PHONE_MESSAGE) String phone,
        Set<PartyRole> roles,
        Tier tier,
        @Size(max = 100) String accountOwner,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
        @Min(0) @Max(365) Integer paymentTermDays,
        @Size(max = 20) List<@Valid EmploymentRequest> employments) {
}
