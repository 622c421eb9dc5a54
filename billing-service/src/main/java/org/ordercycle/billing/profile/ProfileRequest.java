package org.ordercycle.billing.profile;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A customer's billing wishes. {@code period} is needed for PERIODIC only (the configured default otherwise);
 * {@code paymentTermDays} absent means contact's conditions; {@code invoiceEmail} absent means contact's e-mail.
 */
public record ProfileRequest(
        @NotNull BillingTrigger trigger,
        Period period,
        @NotNull InvoiceFormat format,
        @NotNull Channel channel,
        @PositiveOrZero @Max(365) Integer paymentTermDays,
        boolean poReferenceRequired,
        @NotNull @Pattern(regexp = "de|en|fr", message = "must be de, en or fr") String language,
        @Email @Size(max = 254) String invoiceEmail) {
}
