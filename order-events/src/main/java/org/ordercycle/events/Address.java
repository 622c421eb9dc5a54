package org.ordercycle.events;

/**
 * A postal address as printed on invoices and shipping labels.
 *
 * @param postalCode absent where the country has none
 * @param region     state or province where the country has them, otherwise absent
 * @param country    ISO-3166-1 alpha-2 code, e.g. {@code DE}
 */
public record Address(String street, @OptionalField String postalCode, String city, @OptionalField String region,
        String country) {
}
