package org.ordercycle.sales.product;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ordercycle.events.Money;

/**
 * A product as production last announced it (production.availability): what sales may promise now and how long
 * production needs to make more. Production owns the product; sales only replaces its copy.
 */
@Entity
public class Product extends PanacheEntityBase {

    @Id
    public String sku;

    public BigDecimal onHand;

    public BigDecimal reserved;

    public BigDecimal availableToPromise;

    public int leadTimeDays;

    /** Free hours on the work centers that make it, this month. */
    public BigDecimal surplusCapacityHours = BigDecimal.ZERO;

    /** Production's cost of one unit: the base of sales' margin and of the affiliates' transfer price. */
    public BigDecimal unitCost;

    @Column(columnDefinition = "char(3)")
    public String unitCostCurrency;

    /** When production published the figures this row holds. */
    public Instant updatedAt;

    /** Replaces the figures, unless they are older than those held (a redelivered or late event). */
    static void announce(String sku, BigDecimal onHand, BigDecimal reserved, BigDecimal availableToPromise,
            int leadTimeDays, BigDecimal surplusCapacityHours, Money unitCost, Instant publishedAt) {
        Product product = findById(sku);
        if (product == null) {
            product = new Product();
            product.sku = sku;
        } else if (product.updatedAt.isAfter(publishedAt)) {
            return;
        }
        product.onHand = onHand;
        product.reserved = reserved;
        product.availableToPromise = availableToPromise;
        product.leadTimeDays = leadTimeDays;
        product.surplusCapacityHours = surplusCapacityHours == null ? BigDecimal.ZERO : surplusCapacityHours;
        product.unitCost = unitCost == null ? null : unitCost.amount();
        product.unitCostCurrency = unitCost == null ? null : unitCost.currency();
        product.updatedAt = publishedAt;
        product.persist();
    }

    public static List<Product> withSkus(Collection<String> skus) {
        return list("sku in ?1", skus);
    }

    /**
     * The figures of the products with these SKUs that production has announced, by SKU. Looked up one by one so
     * that products this transaction has read already cost no second query. (A placement gets them with its pricing
     * query instead.)
     */
    public static Map<String, ProductFigures> bySku(Collection<String> skus) {
        Map<String, ProductFigures> products = new HashMap<>();
        for (String sku : skus) {
            Product product = findById(sku);
            if (product != null) {
                products.put(sku, product.figures());
            }
        }
        return products;
    }

    public ProductFigures figures() {
        return new ProductFigures(sku, availableToPromise, leadTimeDays, surplusCapacityHours, unitCost,
                unitCostCurrency);
    }
}
