package org.ordercycle.production.product;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.hibernate.jpa.HibernateHints;
import org.ordercycle.events.Money;

/** A product production makes or buys: what one unit costs it and how many days it takes to get more. */
@Entity
public class Product extends PanacheEntityBase {

    @Id
    public String sku;

    public String name;

    public BigDecimal unitCost;

    public String currency;

    @Column(name = "lead_time_days")
    public int leadTimeDays;

    public Instant changedAt;

    @Enumerated(EnumType.STRING)
    public ProductMode mode = ProductMode.MAKE_TO_STOCK;

    /** Where it is made (make-to-order). */
    public String workCenter;

    /** Hours of the work center one unit takes (make-to-order). */
    public BigDecimal hoursPerUnit;

    static Product introduce(String sku, ProductRequest request, Instant at) {
        Product product = new Product();
        product.sku = sku;
        product.describe(request, at);
        product.persist();
        return product;
    }

    void describe(ProductRequest request, Instant at) {
        name = request.name();
        unitCost = request.unitCost().amount();
        currency = request.unitCost().currency();
        leadTimeDays = request.leadTimeDays();
        mode = request.modeOrDefault();
        workCenter = request.workCenter();
        hoursPerUnit = request.hoursPerUnit();
        changedAt = at;
    }

    /**
     * These products, in one statement, read-only (never written back, nor compared at a flush): for a reader that
     * changes none of them. Unknown SKUs are left out.
     */
    @SuppressWarnings("unchecked")
    public static List<Product> readAll(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("select * from product where sku = any(cast(?1 as text[]))",
                        Product.class)
                .setParameter(1, skus.toArray(String[]::new))
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
    }

    public boolean madeToOrder() {
        return mode == ProductMode.MAKE_TO_ORDER;
    }

    public Money unitCostMoney() {
        return new Money(unitCost, currency);
    }
}
