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

/** One entry of a price list: a SKU's unit price and tax rate from a day on. Entries are never changed. */
@Entity
public class Price extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The price list the entry belongs to, e.g. STANDARD or WHOLESALE. */
    public String priceList;

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

    static Price set(String priceList, String sku, PriceRequest request, BigDecimal taxRate, String by, Instant now) {
        Price price = new Price();
        price.priceList = priceList;
        price.sku = sku;
        price.unitPrice = request.unitPrice();
        price.currency = request.currency();
        price.taxRate = taxRate;
        price.validFrom = request.validFrom();
        price.setBy = by;
        price.setAt = now;
        price.persist();
        return price;
    }

    /** Every price of the SKU, the latest validFrom first (the later entry first on the same day). */
    static List<Price> history(String priceList, String sku) {
        return list("priceList = ?1 and sku = ?2 order by validFrom desc, id desc", priceList, sku);
    }

    static boolean exists(String priceList, String sku) {
        return count("priceList = ?1 and sku = ?2", priceList, sku) > 0;
    }

    /** The price in force on the day for each SKU that has one: the latest validFrom on or before the day. */
    public static Map<String, Price> inForce(String priceList, Collection<String> skus, LocalDate day) {
        Map<String, Price> prices = new HashMap<>();
        List<Price> candidates = list(
                "priceList = ?1 and sku in ?2 and validFrom <= ?3 order by validFrom desc, id desc", priceList, skus,
                day);
        for (Price price : candidates) {
            prices.putIfAbsent(price.sku, price);
        }
        return prices;
    }
}
