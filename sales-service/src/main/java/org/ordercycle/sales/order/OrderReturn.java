package org.ordercycle.sales.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The order's return cases as the database holds them (rows already loaded come back as managed, with this
     * transaction's changes), without flushing the session first: cases opened in this transaction are the order's
     * to add ({@link Order}).
     */
    static List<OrderReturn> stored(UUID orderId) {
        return new ArrayList<>(getEntityManager()
                .createQuery("from OrderReturn where orderId = ?1", OrderReturn.class)
                .setParameter(1, orderId)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList());
    }

    boolean open() {
        return !closed && !refunded;
    }
}
