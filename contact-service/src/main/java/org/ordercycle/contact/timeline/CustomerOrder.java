package org.ordercycle.contact.timeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Whose an order is, as sales told it (production's and returns' events about an order do not name the customer),
 * and what the segments need of it: when placed, when accepted and for how much.
 */
@Entity
public class CustomerOrder extends PanacheEntityBase {

    @Id
    public UUID orderId;

    public UUID customerId;

    public Instant placedAt;

    public Instant acceptedAt;

    public String currency;

    /** Net value of the agreed lines (as accepted, or as amended since). */
    public BigDecimal netValue;

    public Instant cancelledAt;

    static CustomerOrder of(UUID orderId, UUID customerId) {
        CustomerOrder order = new CustomerOrder();
        order.orderId = orderId;
        order.customerId = customerId;
        return order;
    }

    void placed(Instant at) {
        placedAt = at;
    }

    /** Accepted (or amended) for this net value of its agreed lines. */
    void valued(Instant at, String orderCurrency, BigDecimal net) {
        if (acceptedAt == null) {
            acceptedAt = at;
        }
        currency = orderCurrency;
        netValue = net;
    }

    void cancel(Instant at) {
        cancelledAt = at;
    }
}
