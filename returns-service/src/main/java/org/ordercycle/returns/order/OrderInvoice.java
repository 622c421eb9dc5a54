package org.ordercycle.returns.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.ordercycle.events.billing.InvoiceIssued;

/** What billing invoiced an order (InvoiceIssued), gross: a claim's refund is capped at it. */
@Entity
@Table(name = "order_invoice")
public class OrderInvoice extends PanacheEntityBase {

    private static final Logger LOG = Logger.getLogger(OrderInvoice.class);

    @EmbeddedId
    public Key id;

    public BigDecimal gross;

    @Column(columnDefinition = "char(3)")
    public String currency;

    @Embeddable
    public static class Key implements Serializable {
        public UUID invoiceId;
        public UUID orderId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.invoiceId.equals(invoiceId) && key.orderId.equals(orderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(invoiceId, orderId);
        }
    }

    /**
     * Keeps the invoice's gross for its order. Billing invoices one shipment per invoice, so an invoice names one
     * order; one that names several cannot be split by order and is left out (claims fall back to the shipped gross).
     */
    static void record(InvoiceIssued event) {
        if (event.orderIds().size() != 1) {
            LOG.infof("Invoice %s covers %d orders: not attributed to any for claim caps", event.invoiceId(),
                    event.orderIds().size());
            return;
        }
        Key key = new Key();
        key.invoiceId = event.invoiceId();
        key.orderId = event.orderIds().get(0);
        if (findById(key) != null) {
            return;
        }
        OrderInvoice invoice = new OrderInvoice();
        invoice.id = key;
        invoice.gross = event.gross().amount();
        invoice.currency = event.gross().currency();
        invoice.persist();
    }

    /** All billing invoiced the order, gross; empty while no invoice of it is known. */
    public static Optional<BigDecimal> invoicedGross(UUID orderId) {
        BigDecimal sum = getEntityManager().createQuery(
                "select sum(i.gross) from OrderInvoice i where i.id.orderId = :order", BigDecimal.class)
                .setParameter("order", orderId)
                .getSingleResult();
        return Optional.ofNullable(sum);
    }
}
