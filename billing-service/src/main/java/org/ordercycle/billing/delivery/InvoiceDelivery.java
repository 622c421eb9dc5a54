package org.ordercycle.billing.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.ordercycle.billing.invoice.Invoice;
import org.ordercycle.billing.profile.Channel;
import org.ordercycle.billing.profile.InvoiceFormat;

/**
 * How one invoice reaches its customer, planned in the transaction that issues it and carried out after: an e-mail
 * is sent by the sender (so nothing is mailed for an invoice that was rolled back), an EDI message waits for the
 * integration to pick it up, a portal invoice is downloaded.
 */
@Entity
public class InvoiceDelivery extends PanacheEntityBase {

    public enum Status {
        /** E-mail: to be sent. */
        TO_SEND,
        SENT,
        /** E-mail: gave up after the configured attempts (see lastError). */
        FAILED,
        /** EDI: waiting for the integration. */
        READY_FOR_PICKUP,
        PICKED_UP,
        /** Portal: the customer downloads it. */
        AVAILABLE
    }

    @Id
    public UUID invoiceId;

    public UUID customerId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public InvoiceFormat format;

    public String address;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    public String lastError;

    public Instant createdAt;

    public Instant deliveredAt;

    @Version
    public long version;

    /**
     * Plans the delivery of a newly issued invoice by its channel. A portal invoice needs nothing planned: it can be
     * downloaded once it is committed, and its delivery is read off the invoice ({@link DeliveryView#portal}), so no
     * row is written for it (invoices issued before 2026-12-07 may still have one, status AVAILABLE, which says the
     * same).
     */
    public static void plan(Invoice invoice, Instant now) {
        if (invoice.channel == Channel.PORTAL) {
            return;
        }
        InvoiceDelivery delivery = new InvoiceDelivery();
        delivery.invoiceId = invoice.id;
        delivery.customerId = invoice.customerId;
        delivery.channel = invoice.channel;
        delivery.format = invoice.format;
        delivery.address = invoice.buyerEmail;
        delivery.createdAt = now;
        delivery.status = switch (invoice.channel) {
            case EMAIL -> Status.TO_SEND;
            case EDI -> Status.READY_FOR_PICKUP;
            case PORTAL -> Status.AVAILABLE;
        };
        delivery.persist();
    }

    void sent(Instant now) {
        status = Status.SENT;
        attempts++;
        deliveredAt = now;
        lastError = null;
    }

    void failed(String error, int maxAttempts) {
        attempts++;
        lastError = error;
        if (attempts >= maxAttempts) {
            status = Status.FAILED;
        }
    }

    void pickUp(Instant now) {
        if (status != Status.READY_FOR_PICKUP) {
            throw new IllegalStateException("invoice " + invoiceId + " is " + status + ", not ready for pick-up");
        }
        status = Status.PICKED_UP;
        deliveredAt = now;
    }
}
