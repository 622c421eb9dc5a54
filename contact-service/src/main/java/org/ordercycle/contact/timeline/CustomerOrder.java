package org.ordercycle.contact.timeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** Whose an order is, as sales told it: production's and returns' events about an order do not name the customer. */
@Entity
public class CustomerOrder extends PanacheEntityBase {

    @Id
    public UUID orderId;

    public UUID customerId;

    static CustomerOrder of(UUID orderId, UUID customerId) {
        CustomerOrder order = new CustomerOrder();
        order.orderId = orderId;
        order.customerId = customerId;
        return order;
    }
}
