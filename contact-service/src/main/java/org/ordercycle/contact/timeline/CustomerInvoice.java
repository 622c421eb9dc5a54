package org.ordercycle.contact.timeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An invoice as billing issued it, so that a payment, which names only invoices, reaches the orders' timelines. */
@Entity
public class CustomerInvoice extends PanacheEntityBase {

    @Id
    public UUID invoiceId;

    public String number;

    public UUID customerId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] orderIds;

    static CustomerInvoice of(UUID invoiceId, String number, UUID customerId, UUID[] orderIds) {
        CustomerInvoice invoice = new CustomerInvoice();
        invoice.invoiceId = invoiceId;
        invoice.number = number;
        invoice.customerId = customerId;
        invoice.orderIds = orderIds;
        return invoice;
    }
}
