package org.ordercycle.contact.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ordercycle.events.contact.Classification;

/**
 * Registers a company as a customer. Only the name is required; tier defaults to C, classification to EXTERNAL
 * and currency to the configured default.
 */
public record OrganizationRequest(
        @NotBlank @Size(max = 200) String name,
        @Valid AddressRequest address,
        @Email @Size(max = 254) String email,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()/.-]*", message = "may hold only digits, spaces and + ( ) / . -") String phone,
        Tier tier,
        Classification classification,
        @Size(max = 100) String accountOwner,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency) {

    public record AddressRequest(
            @NotBlank @Size(max = 200) String street,
            @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO-3166 country code such as DE") String country) {
    }
}
