package org.ordercycle.contact.party;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A postal address: street, city and country required. */
public record AddressRequest(
        @NotBlank @Size(max = 200) String street,
        @Size(max = 20) String postalCode,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String region,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO-3166 country code such as DE") String country) {
}
