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
import java.util.Set;
import java.util.UUID;
import org.ordercycle.contact.party.AddressRequest;
import org.ordercycle.contact.party.PartyRole;
import org.ordercycle.contact.party.Tier;
import org.ordercycle.events.contact.Classification;

/**
 * Registers a company. Only the name is required; without roles it is a customer (as every registration was
 * before roles existed); tier defaults to C; currency, discount and payment terms default to the configured
 * conditions for new customers. Address, e-mail and phone become its billing contact mechanisms.
 *
 * @param discountPercent the customer's general discount, 0 to 100 with at most two decimals
 * @param paymentTermDays days from invoice to due date, 0 to 365
 * @param vatId           the EU VAT identification number: country prefix and 2 to 13 letters or digits
 * @param classification  derived (from {@code ownGroup} and {@code parentId}); {@code INTERNAL_AFFILIATE} given here
 *                        marks the company as one of the own group, as {@code ownGroup} does
 * @param parentId        the organization it belongs to (group structure)
 * @param ownGroup        a company of the own group
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
        @Pattern(regexp = VAT_ID, message = VAT_ID_MESSAGE) String vatId,
        Set<PartyRole> roles,
        UUID parentId,
        Boolean ownGroup) {

    public static final String VAT_ID = "[A-Z]{2}[A-Za-z0-9]{2,13}";
    public static final String VAT_ID_MESSAGE = "must be an EU VAT id such as DE123456789";
}
