package org.ordercycle.billing.profile;

import java.util.UUID;

/** A customer's billing profile as billing applies it; {@code agreed} false while the defaults apply. */
public record ProfileView(UUID customerId, BillingTrigger trigger, Period period, InvoiceFormat format,
        Channel channel, int paymentTermDays, boolean poReferenceRequired, String language, String invoiceEmail,
        boolean agreed) {

    static ProfileView from(Profile profile) {
        return new ProfileView(profile.customerId(), profile.trigger(), profile.period(), profile.format(),
                profile.channel(), profile.paymentTermDays(), profile.poReferenceRequired(), profile.language(),
                profile.invoiceEmail(), profile.agreed());
    }
}
