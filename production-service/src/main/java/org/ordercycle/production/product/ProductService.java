package org.ordercycle.production.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.ordercycle.production.stock.Availability;
import org.ordercycle.production.stock.Stock;
import org.ordercycle.production.stock.Warehouses;

/** Keeps the product catalogue and tells sales about every change. */
@ApplicationScoped
@Transactional
public class ProductService {

    /** What a PUT did: created a new product or changed a known one. */
    public record Saved(ProductView product, boolean created) {
    }

    private final Availability availability;
    private final Warehouses warehouses;
    private final Clock clock;

    ProductService(Availability availability, Warehouses warehouses, Clock clock) {
        this.availability = availability;
        this.warehouses = warehouses;
        this.clock = clock;
    }

    public Saved save(String sku, ProductRequest request, String by) {
        Product product = Product.findById(sku, LockModeType.PESSIMISTIC_WRITE);
        boolean created = product == null;
        if (created) {
            product = Product.introduce(sku, request, clock.instant());
            Stock.open(sku, warehouses.defaultWarehouse());
        } else {
            product.describe(request, clock.instant());
        }
        availability.changed(sku, by);
        return new Saved(ProductView.from(product), created);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProductView> find(String sku) {
        return Product.<Product>findByIdOptional(sku).map(ProductView::from);
    }
}
