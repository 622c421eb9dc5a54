package org.ordercycle.billing.profile;

import java.util.UUID;

/**
 * The profile billing applies to a customer: its own settings, or the configured defaults, with the payment terms
 * of contact's conditions unless the profile overrides them.
 *
 * @param agreed false while the customer is billed by the defaults
 */
public record Profile(UUID customerId, BillingTrigger trigger, Period period, InvoiceFormat format, Channel channel,
        int paymentTermDays, boolean poReferenceRequired, String language, String invoiceEmail, boolean agreed) {
}
