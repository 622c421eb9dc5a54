package org.ordercycle.billing.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.billing.BillingConfig;
import org.ordercycle.billing.document.InvoiceDocuments;
import org.ordercycle.billing.invoice.Invoice;
import org.ordercycle.billing.profile.Channel;
import org.ordercycle.billing.profile.InvoiceFormat;
import org.ordercycle.kit.api.ProblemException;

/** Sends e-mail invoices (Quarkus Mailer, the document the customer's format names attached) and hands out EDI ones. */
@ApplicationScoped
@Transactional
public class DeliveryService {

    private static final int MAX_ATTEMPTS = 5;

    private final Mailer mailer;
    private final InvoiceDocuments documents;
    private final BillingConfig config;
    private final Clock clock;

    DeliveryService(Mailer mailer, InvoiceDocuments documents, BillingConfig config, Clock clock) {
        this.mailer = mailer;
        this.documents = documents;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> toSend() {
        return InvoiceDelivery.find("select invoiceId from InvoiceDelivery where status = ?1 order by createdAt",
                InvoiceDelivery.Status.TO_SEND).project(UUID.class).page(0, 100).list();
    }

    /**
     * Sends one e-mail invoice. At least once: should the commit fail after the server took the mail, the next round
     * sends it again.
     */
    public void send(UUID invoiceId) {
        InvoiceDelivery delivery = InvoiceDelivery.findById(invoiceId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.status != InvoiceDelivery.Status.TO_SEND) {
            return;
        }
        if (delivery.address == null) {
            delivery.failed("no e-mail address for customer " + delivery.customerId, 1);
            return;
        }
        Invoice invoice = Invoice.findById(invoiceId);
        InvoiceDocuments.Rendered document = documents.render(invoiceId, kindOf(delivery.format));
        boolean german = "de".equals(invoice.language);
        String subject = (german ? "Rechnung " : "Invoice ") + invoice.number + " - " + config.company().legalName();
        String body = (german ? "Anbei Ihre Rechnung " : "Please find attached invoice ") + invoice.number + " ("
                + invoice.gross.toPlainString() + " " + invoice.currency + (german ? ", fällig am " : ", due on ")
                + invoice.dueDate + ").";
        try {
            mailer.send(Mail.withText(delivery.address, subject, body)
                    .addAttachment(document.fileName(), document.content(), document.mediaType()));
            delivery.sent(clock.instant());
        } catch (RuntimeException e) {
            delivery.failed(e.getMessage(), MAX_ATTEMPTS);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryView> readyForPickup() {
        return InvoiceDelivery.<InvoiceDelivery>list("status = ?1 order by createdAt",
                InvoiceDelivery.Status.READY_FOR_PICKUP).stream().map(DeliveryView::from).toList();
    }

    public DeliveryView pickUp(UUID invoiceId) {
        InvoiceDelivery delivery = InvoiceDelivery.<InvoiceDelivery>findByIdOptional(invoiceId,
                LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (delivery == null) {
            DeliveryView portal = portalDelivery(invoiceId)
                    .orElseThrow(() -> ProblemException.notFound("invoice delivery", invoiceId));
            throw notReadyForPickUp(invoiceId, portal.status());
        }
        if (delivery.status != InvoiceDelivery.Status.READY_FOR_PICKUP) {
            throw notReadyForPickUp(invoiceId, delivery.status);
        }
        delivery.pickUp(clock.instant());
        return DeliveryView.from(delivery);
    }

    private static ProblemException notReadyForPickUp(UUID invoiceId, InvoiceDelivery.Status status) {
        return ProblemException.conflict("Not ready for pick-up", "invoice " + invoiceId + " is " + status
                + ", only an EDI invoice ready for pick-up can be picked up");
    }

    /** A portal invoice without a delivery row (none is written for one since 2026-12-07): its delivery as it is. */
    private static Optional<DeliveryView> portalDelivery(UUID invoiceId) {
        return Invoice.<Invoice>findByIdOptional(invoiceId).filter(invoice -> invoice.channel == Channel.PORTAL)
                .map(DeliveryView::portal);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DeliveryView> find(UUID invoiceId) {
        return InvoiceDelivery.<InvoiceDelivery>findByIdOptional(invoiceId).map(DeliveryView::from)
                .or(() -> portalDelivery(invoiceId));
    }

    private static InvoiceDocuments.Kind kindOf(InvoiceFormat format) {
        return switch (format) {
            case PDF, ZUGFERD -> InvoiceDocuments.Kind.PDF;
            case XRECHNUNG -> InvoiceDocuments.Kind.UBL;
            case CII -> InvoiceDocuments.Kind.CII;
        };
    }
}
