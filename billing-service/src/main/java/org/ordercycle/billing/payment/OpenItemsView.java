package org.ordercycle.billing.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a customer owes, invoice by invoice (oldest due first), and the credit its payments left; all in {@code currency}. */
public record OpenItemsView(UUID customerId, String currency, List<Item> invoices, BigDecimal credit,
        BigDecimal totalOpen) {

    public record Item(UUID invoiceId, String number, LocalDate dueDate, BigDecimal gross, BigDecimal paid,
            BigDecimal open) {
    }
}
