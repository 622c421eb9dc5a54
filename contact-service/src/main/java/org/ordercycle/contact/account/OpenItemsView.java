package org.ordercycle.contact.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer's open invoices (gross minus payments minus credit notes), oldest due first, and the open total per
 * currency.
 */
public record OpenItemsView(UUID customerId, String classification, List<OpenItem> items, Map<String, BigDecimal> openTotal) {

    /**
     * @param overdue whether its due date has passed
     */
    public record OpenItem(UUID invoiceId, String number, LocalDate dueDate, String currency, BigDecimal gross,
            BigDecimal paid, BigDecimal credited, BigDecimal open, boolean overdue) {
    }
}
