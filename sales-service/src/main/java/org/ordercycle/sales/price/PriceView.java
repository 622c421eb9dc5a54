package org.ordercycle.sales.price;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ordercycle.sales.Decimals;

/** A SKU's entry in a price list: the price in force today (absent when none is yet) and every price set. */
public record PriceView(String priceList, String sku, Entry inForce, List<Entry> history) {

    public record Entry(BigDecimal unitPrice, String currency, BigDecimal taxRate, LocalDate validFrom,
            String setBy, Instant setAt) {

        static Entry from(Price price) {
            return new Entry(Decimals.price(price.unitPrice), price.currency, Decimals.plain(price.taxRate),
                    price.validFrom, price.setBy, price.setAt);
        }
    }

    static PriceView of(String priceList, String sku, List<Price> history, LocalDate today) {
        Entry inForce = history.stream().filter(price -> !price.validFrom.isAfter(today)).findFirst()
                .map(Entry::from).orElse(null);
        return new PriceView(priceList, sku, inForce, history.stream().map(Entry::from).toList());
    }
}
