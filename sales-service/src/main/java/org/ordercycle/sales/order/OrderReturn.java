package org.ordercycle.sales.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A return case of an order: open until its refund is paid or returns closes it. */
@Entity
@Table(name = "order_return")
class OrderReturn extends PanacheEntityBase {

    @Id
    public UUID returnId;

    public UUID orderId;

    public boolean closed;

    public boolean refunded;

    boolean open() {
        return !closed && !refunded;
    }
}
