package org.ordercycle.events.contact;

import java.math.BigDecimal;

import org.ordercycle.events.Money;
import org.ordercycle.events.OptionalField;

/**
 * The special conditions agreed with a customer, which sales prices with and billing invoices by.
 *
 * @param discountPercent general discount, e.g. {@code 5.0} for 5 %
 * @param paymentTermDays days from invoice to due date
 * @param creditLimit     the most the customer may owe at once; absent when none is agreed
 * @param priceList       code of the price list sales quotes from, e.g. {@code WHOLESALE}
 */
public record Conditions(BigDecimal discountPercent, int paymentTermDays, @OptionalField Money creditLimit,
        String priceList) {
}
