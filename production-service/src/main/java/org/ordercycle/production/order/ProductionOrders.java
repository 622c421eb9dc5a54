package org.ordercycle.production.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.production.shipment.Shipment;

/** Reads production orders for the API. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProductionOrders {

    public Optional<ProductionOrderView> find(UUID id) {
        return ProductionOrder.<ProductionOrder>findByIdOptional(id)
                .map(order -> ProductionOrderView.from(order, Shipment.ofOrder(id)));
    }
}
