package org.ordercycle.production.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.production.ProductionConfig;

/** The warehouses goods are kept in; which one is meant when a caller names none. */
@ApplicationScoped
@Transactional
public class Warehouses {

    /** What a PUT did: opened a new warehouse or renamed one. */
    public record Saved(WarehouseView warehouse, boolean created) {
    }

    private final ProductionConfig config;
    private final Clock clock;

    Warehouses(ProductionConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Saved save(String code, WarehouseRequest request) {
        Warehouse warehouse = Warehouse.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (warehouse == null) {
            return new Saved(WarehouseView.from(Warehouse.open(code, request.name(), clock.instant())), true);
        }
        warehouse.rename(request.name());
        return new Saved(WarehouseView.from(warehouse), false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WarehouseView> all() {
        return Warehouse.<Warehouse>list("order by code").stream().map(WarehouseView::from).toList();
    }

    /** The warehouse the caller named, or the default one when none; 422 when it does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String resolve(String named) {
        String code = named == null || named.isBlank() ? config.stock().defaultWarehouse() : named;
        if (!Warehouse.exists(code)) {
            throw ProblemException.unprocessable("Unknown warehouse",
                    "warehouse " + code + " does not exist: open it with PUT /warehouses/" + code);
        }
        return code;
    }

    public String defaultWarehouse() {
        return config.stock().defaultWarehouse();
    }
}
