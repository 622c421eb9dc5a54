package org.ordercycle.sales.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A shipment production dispatched for an order. */
@Entity
@Table(name = "order_shipment")
class OrderShipment extends PanacheEntityBase {

    @Id
    public UUID shipmentId;

    public UUID orderId;

    public Instant shippedAt;
}
