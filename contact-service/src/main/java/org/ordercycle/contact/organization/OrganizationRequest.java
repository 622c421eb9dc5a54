package org.ordercycle.contact.organization;

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
import org.ordercycle.events.contact.Classification;

/**
 * Registers a company as a customer. Only the name is required; tier defaults to C, classification to EXTERNAL;
 * currency, discount and payment terms default to the configured conditions for new customers.
 *
 * @param discountPercent the customer's general discount, 0 to 100 with at most two decimals
 * @param paymentTermDays days from invoice to due date, 0 to 365
 * @param vatId           the EU VAT identification number: country prefix and 2 to 13 letters or digits
 */
public record OrganizationRequest(
        @NotBlank @Size(max = 200) String name,
        @Valid AddressRequest address,
        @Email @Size(max = 254) String email,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()/.-]*", message = "may hold only digits, spaces and + ( ) / . -") String phone,
        Tier tier,
        Classification classification,
        @Size(max = 100) String accountOwner,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
        @Min(0) @Max(365) Integer paymentTermDays,
        @Pattern(regexp = "[A-Z]{2}[A-Za-z0-9]{2,13}", message = "must be an EU VAT id such as DE123456789") String vatId) {

    public record AddressRequest(
            @NotBlank @Size(max = 200) String street,
            @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO-3166 country code such as DE") String country) {
    }
}
