package org.ordercycle.sales.price;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One entry of the price list: a SKU's unit price and tax rate from a day on. Entries are never changed. */
@Entity
public class Price extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String sku;

    /** Net price of one unit before the customer's discount. */
    public BigDecimal unitPrice;

    @Column(columnDefinition = "char(3)")
    public String currency;

    /** Percent, e.g. 19.00; the rate billing invoices with. */
    public BigDecimal taxRate;

    public LocalDate validFrom;

    public String setBy;

    public Instant setAt;

    static Price set(String sku, PriceRequest request, String by, Instant now) {
        Price price = new Price();
        price.sku = sku;
        price.unitPrice = request.unitPrice();
        price.currency = request.currency();
        price.taxRate = request.taxRate();
        price.validFrom = request.validFrom();
        price.setBy = by;
        price.setAt = now;
        price.persist();
        return price;
    }

    /** Every price of the SKU, the latest validFrom first (the later entry first on the same day). */
    static List<Price> history(String sku) {
        return list("sku = ?1 order by validFrom desc, id desc", sku);
    }

    /** The price in force on the day for each SKU that has one: the latest validFrom on or before the day. */
    public static Map<String, Price> inForce(Collection<String> skus, LocalDate day) {
        Map<String, Price> prices = new HashMap<>();
        List<Price> candidates = list("sku in ?1 and validFrom <= ?2 order by validFrom desc, id desc", skus, day);
        for (Price price : candidates) {
            prices.putIfAbsent(price.sku, price);
        }
        return prices;
    }
}
