package org.ordercycle.production.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.ordercycle.kit.api.ProblemException;
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
        if (request.modeOrDefault() == ProductMode.MAKE_TO_ORDER) {
            if (request.workCenter() == null) {
                throw ProblemException.badRequest("workCenter", "is required for a make-to-order product");
            }
            if (request.hoursPerUnit() == null) {
                throw ProblemException.badRequest("hoursPerUnit", "is required for a make-to-order product");
            }
        }
        if (request.workCenter() != null && WorkCenterCodes.unknown(request.workCenter())) {
            throw ProblemException.unprocessable("Unknown work center",
                    "work center " + request.workCenter() + " does not exist: open it with PUT /work-centers/"
                            + request.workCenter());
        }
        Product product = Product.findById(sku, LockModeType.PESSIMISTIC_WRITE);
        boolean created = product == null;
        if (created) {
            product = Product.introduce(sku, request, clock.instant());
            Stock.open(sku, warehouses.defaultWarehouse());
        } else {
            product.describe(request, clock.instant());
        }
        availability.productChanged(sku, by);
        return new Saved(ProductView.from(product), created);
    }

    /** Replaces the product's bill of material; unknown product 404, unknown component 422, itself 400. */
    public BillOfMaterialView saveBillOfMaterial(String sku, BillOfMaterialRequest request) {
        if (Product.findById(sku, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw ProblemException.notFound("product", sku);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.components().size(); i++) {
            String component = request.components().get(i).sku();
            if (component.equals(sku)) {
                throw ProblemException.badRequest("components[" + i + "].sku", "a product is not made of itself");
            }
            if (!seen.add(component)) {
                throw ProblemException.badRequest("components[" + i + "].sku", component + " is named twice");
            }
            if (Product.findById(component) == null) {
                throw ProblemException.unprocessable("Unknown component",
                        "component " + component + " does not exist: introduce it with PUT /products/" + component);
            }
        }
        BillOfMaterialLine.delete("productSku", sku);
        request.components().forEach(component -> BillOfMaterialLine.add(sku, component.sku(), component.quantity()));
        return BillOfMaterialView.of(sku, BillOfMaterialLine.of(sku));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BillOfMaterialView billOfMaterial(String sku) {
        if (Product.findById(sku) == null) {
            throw ProblemException.notFound("product", sku);
        }
        return BillOfMaterialView.of(sku, BillOfMaterialLine.of(sku));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProductView> find(String sku) {
        return Product.<Product>findByIdOptional(sku).map(ProductView::from);
    }
}
