package org.ordercycle.contact.party;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A way to reach a party. {@code kind} POSTAL needs {@code address}, EMAIL needs {@code email}, PHONE needs
 * {@code phone}; the others must be absent.
 *
 * @param billing   use it on invoices (the billing one of its kind from now on; travels in the customer snapshot)
 * @param preferred the party's preferred channel from now on
 */
public record ContactMechanismRequest(
        @NotNull ContactMechanism.Kind kind,
        @Size(max = 100) String label,
        @Valid AddressRequest address,
        @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
        @Size(max = 40) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
        Boolean billing,
        Boolean preferred) {

    /** At least five digits, optionally a leading +, digits with spaces and ( ) / . - between. */
    public static final String PHONE = "\\+?[0-9()][0-9 ()/.-]{3,38}[0-9]";
    public static final String PHONE_MESSAGE = "must be a phone number such as +49 30 1234567";
}
