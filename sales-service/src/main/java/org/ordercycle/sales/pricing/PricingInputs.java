package org.ordercycle.sales.pricing;

import io.agroal.api.AgroalDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.contact.CustomerKind;
import org.ordercycle.sales.customer.CustomerTerms;
import org.ordercycle.sales.product.ProductFigures;

/**
 * Everything pricing a customer's lines needs, read in ONE query (a placement used to read the customer, the prices
 * and the products one query each): the customer's terms, the price in force on the day of each SKU on the
 * customer's price list and on the default list, and production's figures of each product. The query runs on the
 * transaction's connection and its rows become plain values (no managed entities: nothing to map into the
 * persistence context, to snapshot or to check for changes at commit — pricing only reads). Nothing is cached between
 * transactions: what contact, production or a price change committed last is what the query sees, on every instance.
 * (Changes to customers, prices or products that the same transaction has not flushed yet are not seen: no
 * transaction prices after changing them.)
 *
 * <p><b>Planned once per session, not per placement.</b> The SKUs come as one text split by {@code string_to_table},
 * whose row estimate (1,000) does not depend on the value, so PostgreSQL's plan for the prepared statement costs the
 * same with or without the parameters and it keeps one generic plan after five executions. With
 * {@code unnest(string_to_array(?, ','))} it saw the array in each custom plan, estimated one or two rows where the
 * generic plan assumed a default count, found the custom plan cheaper every time and planned the query again on every call: 0.24 ms
 * of PostgreSQL's CPU per placement, four times the query's own execution (pg_stat_statements with
 * {@code track_planning}, the suite benchmark of 7 December). For the same reason the product is read through a
 * lateral subquery: with a thousand SKUs estimated, a plain join would hash the whole product table on every call.
 * {@code PricingInputsPlanTest} fails if the query is planned on every call again.
 *
 * @param customer null when sales does not know the customer
 * @param listed the price in force per SKU on the customer's price list (the default list when it names none)
 * @param fallback the price in force per SKU on the default price list
 * @param products the products production has announced, by SKU
 */
record PricingInputs(CustomerTerms customer, Map<String, ListPrice> listed, Map<String, ListPrice> fallback,
        Map<String, ProductFigures> products) {

    /** A price in force: a SKU's unit price, currency and tax rate on a price list from a day on. */
    record ListPrice(String sku, BigDecimal unitPrice, String currency, BigDecimal taxRate, LocalDate validFrom) {
    }

    /** SKUs are letters, digits, dots, underscores and hyphens (validated): a comma separates them safely. */
    private static final String SKU_SEPARATOR = ",";

    private static final String QUERY = """
            select c.id, c.classification, c.tier, c.currency, c.discount_percent, c.price_list, c.credit_limit,
                   c.credit_limit_currency, c.kind, c.vat_id, c.country, c.erased,
                   wanted.sku,
                   p.unit_price, p.currency, p.tax_rate, p.valid_from,
                   d.unit_price, d.currency, d.tax_rate, d.valid_from,
                   pr.sku, pr.available_to_promise, pr.lead_time_days, pr.surplus_capacity_hours, pr.unit_cost,
                   pr.unit_cost_currency
            from customer c
            left join string_to_table(?, ',') as wanted(sku) on true
            left join lateral (select unit_price, currency, tax_rate, valid_from from price
                               where price_list = coalesce(c.price_list, ?) and sku = wanted.sku
                                 and valid_from <= ?
                               order by valid_from desc, id desc limit 1) p on true
            left join lateral (select unit_price, currency, tax_rate, valid_from from price
                               where price_list = ? and sku = wanted.sku and valid_from <= ?
                               order by valid_from desc, id desc limit 1) d on true
            left join lateral (select sku, available_to_promise, lead_time_days, surplus_capacity_hours, unit_cost,
                                      unit_cost_currency from product
                               where sku = wanted.sku limit 1) pr on true
            where c.id = ?""";

    static PricingInputs read(AgroalDataSource dataSource, UUID customerId, String defaultList, List<String> skus,
            LocalDate day) {
        Date sqlDay = Date.valueOf(day);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setString(1, String.join(SKU_SEPARATOR, skus));
            query.setString(2, defaultList);
            query.setDate(3, sqlDay);
            query.setString(4, defaultList);
            query.setDate(5, sqlDay);
            query.setObject(6, customerId);
            Map<String, ListPrice> listed = new HashMap<>();
            Map<String, ListPrice> fallback = new HashMap<>();
            Map<String, ProductFigures> products = new HashMap<>();
            CustomerTerms customer = null;
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    if (customer == null) {
                        customer = customer(row);
                    }
                    String sku = row.getString(13);
                    ListPrice price = price(sku, row, 14);
                    if (price != null) {
                        listed.put(sku, price);
                    }
                    price = price(sku, row, 18);
                    if (price != null) {
                        fallback.put(sku, price);
                    }
                    if (row.getString(22) != null) {
                        products.put(sku, new ProductFigures(sku, row.getBigDecimal(23), row.getInt(24),
                                row.getBigDecimal(25), row.getBigDecimal(26), row.getString(27)));
                    }
                }
            }
            return new PricingInputs(customer, listed, fallback, products);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the pricing inputs of customer " + customerId, e);
        }
    }

    private static CustomerTerms customer(ResultSet row) throws SQLException {
        String classification = row.getString(2);
        String kind = row.getString(9);
        return new CustomerTerms(row.getObject(1, UUID.class),
                classification == null ? null : Classification.valueOf(classification), row.getString(3),
                row.getString(4), row.getBigDecimal(5), row.getString(6), row.getBigDecimal(7),
                row.getString(8), kind == null ? null : CustomerKind.valueOf(kind), row.getString(10),
                row.getString(11), row.getBoolean(12));
    }

    /** The price in the four columns from {@code first} on; null when the SKU has none in force there. */
    private static ListPrice price(String sku, ResultSet row, int first) throws SQLException {
        BigDecimal unitPrice = row.getBigDecimal(first);
        if (unitPrice == null) {
            return null;
        }
        return new ListPrice(sku, unitPrice, row.getString(first + 1), row.getBigDecimal(first + 2),
                row.getDate(first + 3).toLocalDate());
    }
}
