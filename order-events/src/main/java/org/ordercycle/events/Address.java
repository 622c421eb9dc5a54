package org.ordercycle.events;

/**
 * A postal address as printed on invoices and shipping labels.
 *
 * @param region  state or province where the country has them, otherwise absent
 * @param country ISO-3166-1 alpha-2 code, e.g. {@code DE}
 */
public record Address(String street, String postalCode, String city, String region, String country) {
}
