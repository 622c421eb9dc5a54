package org.ordercycle.contact.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Revenue (net of the invoices issued in the period, in one currency) per customer, internal customers (own group and
 * own employees) and external ones apart, highest first.
 */
public record RevenueView(LocalDate from, LocalDate to, String currency, List<CustomerRevenue> external,
        BigDecimal externalTotal, List<CustomerRevenue> internal, BigDecimal internalTotal) {

    /** @param credited gross of the credit notes against those invoices */
    public record CustomerRevenue(UUID customerId, String name, String classification, BigDecimal net,
            BigDecimal credited, BigDecimal open) {
    }
}
