package org.ordercycle.sales.customer;

import java.math.BigDecimal;
import java.util.UUID;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.contact.CustomerKind;

/**
 * What pricing, the tax determination, the credit check and the selection policy need of a customer, as plain values
 * read for one transaction (never written back): the customer's conditions as contact last published them.
 *
 * @param erased contact erased the customer: no new order or quote may name it
 */
public record CustomerTerms(UUID id, Classification classification, String tier, String currency,
        BigDecimal discountPercent, String priceList, BigDecimal creditLimit, String creditLimitCurrency,
        CustomerKind kind, String vatId, String country, boolean erased) {

    /** An organization that gave its VAT id: a business customer for VAT purposes. */
    public boolean business() {
        return kind == CustomerKind.ORGANIZATION && vatId != null && !vatId.isBlank();
    }
}
