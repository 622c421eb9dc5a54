package org.ordercycle.billing.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.Address;

/**
 * What a customer owes, invoice by invoice (oldest due first), the credit its payments left, the open amounts by
 * age, and the customer's conditions and contact data as contact last sent them; all amounts in {@code currency}.
 */
public record OpenItemsView(UUID customerId, String currency, List<Item> invoices, BigDecimal credit,
        BigDecimal totalOpen, Ageing ageing, CustomerData customer) {

    public record Item(UUID invoiceId, String number, LocalDate dueDate, BigDecimal gross, BigDecimal paid,
            BigDecimal open, int daysOverdue, int dunningLevel, boolean disputed) {
    }

    /** Open amounts by days past due: not yet due, 1–30, 31–60, 61–90, over 90. */
    public record Ageing(BigDecimal notDue, BigDecimal days1To30, BigDecimal days31To60, BigDecimal days61To90,
            BigDecimal over90) {

        static Ageing of(List<Item> items) {
            BigDecimal[] buckets = new BigDecimal[5];
            java.util.Arrays.fill(buckets, BigDecimal.ZERO.setScale(2));
            for (Item item : items) {
                int days = item.daysOverdue();
                int bucket = days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4;
                buckets[bucket] = buckets[bucket].add(item.open());
            }
            return new Ageing(buckets[0], buckets[1], buckets[2], buckets[3], buckets[4]);
        }
    }

    /** Contact's data accounting needs to chase the money; absent fields contact did not send (or erased). */
    public record CustomerData(String name, String classification, String email, String phone, Address billingAddress,
            String vatId, Integer paymentTermDays, BigDecimal discountPercent, BigDecimal creditLimit) {
    }

    /** One customer's line of the accounting list. */
    public record Summary(UUID customerId, String name, String currency, int openInvoices, BigDecimal totalOpen,
            Ageing ageing) {
    }
}
