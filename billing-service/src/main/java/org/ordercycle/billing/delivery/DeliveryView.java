package org.ordercycle.billing.delivery;

import java.time.Instant;
import java.util.UUID;
import org.ordercycle.billing.invoice.Invoice;
import org.ordercycle.billing.profile.Channel;
import org.ordercycle.billing.profile.InvoiceFormat;

/** How an invoice reaches its customer and how far it got. */
public record DeliveryView(UUID invoiceId, UUID customerId, Channel channel, InvoiceFormat format, String address,
        InvoiceDelivery.Status status, int attempts, String lastError, Instant createdAt, Instant deliveredAt) {

    /** A portal invoice: available for download since it was issued, to the address printed on it. */
    static DeliveryView portal(Invoice invoice) {
        return new DeliveryView(invoice.id, invoice.customerId, Channel.PORTAL, invoice.format, invoice.buyerEmail,
                InvoiceDelivery.Status.AVAILABLE, 0, null, invoice.issuedAt, null);
    }

    static DeliveryView from(InvoiceDelivery d) {
        return new DeliveryView(d.invoiceId, d.customerId, d.channel, d.format, d.address, d.status, d.attempts,
                d.lastError, d.createdAt, d.deliveredAt);
    }
}
