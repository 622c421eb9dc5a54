package org.ordercycle.returns.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Who sold an order (OrderPlaced): the salesperson a service ticket for it keeps in the loop. */
@Entity
@Table(name = "placed_order")
public class PlacedOrder extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID customerId;

    public String salesperson;

    public Instant placedAt;

    static void record(UUID orderId, UUID customerId, String salesperson, Instant placedAt) {
        if (findById(orderId) != null) {
            return;
        }
        PlacedOrder order = new PlacedOrder();
        order.id = orderId;
        order.customerId = customerId;
        order.salesperson = salesperson;
        order.placedAt = placedAt;
        order.persist();
    }

    public static Optional<PlacedOrder> find(UUID orderId) {
        return Optional.ofNullable(findById(orderId));
    }
}
