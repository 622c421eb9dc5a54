package org.ordercycle.sales.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** An invoice billing issued for an order: what it covers and how much of it is paid. */
@Entity
@Table(name = "order_invoice")
class OrderInvoice extends PanacheEntityBase {

    @Id
    public UUID invoiceId;

    public UUID orderId;

    public String number;

    public BigDecimal gross;

    @Column(columnDefinition = "char(3)")
    public String currency;

    public BigDecimal paid = BigDecimal.ZERO;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_invoice_shipment", joinColumns = @JoinColumn(name = "invoice_id"))
    @Column(name = "shipment_id")
    public Set<UUID> shipmentIds = new HashSet<>();

    void paid(BigDecimal amount) {
        paid = paid.add(amount);
    }

    boolean fullyPaid() {
        return paid.compareTo(gross) >= 0;
    }
}
