package org.ordercycle.billing.document;

import org.ordercycle.billing.BillingConfig;
import org.ordercycle.billing.invoice.Invoice;

/** The buyer as the documents print it: the invoice's snapshot, with a name and country even when contact sent none. */
record Buyer(String name, String street, String postalCode, String city, String country, String email) {

    static Buyer of(Invoice invoice, BillingConfig.Company company) {
        return new Buyer(invoice.buyerName != null ? invoice.buyerName : "Customer " + invoice.customerId,
                invoice.buyerStreet, invoice.buyerPostalCode, invoice.buyerCity,
                invoice.buyerCountry != null ? invoice.buyerCountry : company.country(), invoice.buyerEmail);
    }
}
