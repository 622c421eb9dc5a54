package org.ordercycle.sales.pricing;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.ordercycle.sales.customer.Customer;
import org.ordercycle.sales.price.Price;
import org.ordercycle.sales.product.Product;

/**
 * Everything pricing a customer's lines needs, read in ONE query (a placement used to read the customer, the prices
 * and the products one query each): the customer with its conditions, the price in force on the day of each SKU on
 * the customer's price list and on the default list, and production's figures of each product. The rows come back
 * as managed entities, so later reads in the transaction (the policy's products) cost no query. Nothing is cached
 * between transactions: what contact, production or a price change wrote last is what the query sees, on every
 * instance.
 *
 * @param customer null when sales does not know the customer
 * @param listed the price in force per SKU on the customer's price list (the default list when it names none)
 * @param fallback the price in force per SKU on the default price list
 * @param products the products production has announced, by SKU
 */
record PricingInputs(Customer customer, Map<String, Price> listed, Map<String, Price> fallback,
        Map<String, Product> products) {

    /** SKUs are letters, digits, dots, underscores and hyphens (validated): a comma separates them safely. */
    private static final String SKU_SEPARATOR = ",";

    private static final String QUERY = """
            select {c.*}, {p.*}, {d.*}, {pr.*}
            from customer c
            left join unnest(string_to_array(:skus, ',')) as wanted(sku) on true
            left join lateral (select * from price
                               where price_list = coalesce(c.price_list, :defaultList) and sku = wanted.sku
                                 and valid_from <= :day
                               order by valid_from desc, id desc limit 1) p on true
            left join lateral (select * from price
                               where price_list = :defaultList and sku = wanted.sku and valid_from <= :day
                               order by valid_from desc, id desc limit 1) d on true
            left join product pr on pr.sku = wanted.sku
            where c.id = :customer""";

    static PricingInputs read(EntityManager entityManager, UUID customerId, String defaultList, List<String> skus,
            LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(QUERY).unwrap(NativeQuery.class)
                .addEntity("c", Customer.class)
                .addEntity("p", Price.class)
                .addEntity("d", Price.class)
                .addEntity("pr", Product.class)
                .addSynchronizedEntityClass(Customer.class)
                .addSynchronizedEntityClass(Price.class)
                .addSynchronizedEntityClass(Product.class)
                .setParameter("skus", String.join(SKU_SEPARATOR, skus))
                .setParameter("defaultList", defaultList)
                .setParameter("day", day)
                .setParameter("customer", customerId)
                .getResultList();
        Map<String, Price> listed = new HashMap<>();
        Map<String, Price> fallback = new HashMap<>();
        Map<String, Product> products = new HashMap<>();
        Customer customer = null;
        for (Object[] row : rows) {
            customer = (Customer) row[0];
            if (row[1] instanceof Price price) {
                listed.put(price.sku, price);
            }
            if (row[2] instanceof Price price) {
                fallback.put(price.sku, price);
            }
            if (row[3] instanceof Product product) {
                products.put(product.sku, product);
            }
        }
        return new PricingInputs(customer, listed, fallback, products);
    }
}
