package org.ordercycle.production.stock;

import java.time.Instant;

public record WarehouseView(String code, String name, Instant createdAt, boolean sellable) {

    static WarehouseView from(Warehouse warehouse) {
        return new WarehouseView(warehouse.code, warehouse.name, warehouse.createdAt, warehouse.sellable);
    }
}
