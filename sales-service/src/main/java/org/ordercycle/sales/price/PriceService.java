package org.ordercycle.sales.price;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ordercycle.sales.SalesConfig;

/** Keeps the price lists: every price set is kept, the one in force is the latest that has begun. */
@ApplicationScoped
@Transactional
public class PriceService {

    private final Clock clock;
    private final SalesConfig config;

    PriceService(Clock clock, SalesConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** The list /prices keeps and every customer's line falls back to. */
    public String defaultList() {
        return config.pricing().defaultPriceList();
    }

    /** Adds the price to the SKU's history in the list; true in {@code first} when it is the SKU's first there. */
    public Stored set(String priceList, String sku, PriceRequest request, String by) {
        boolean first = !Price.exists(priceList, sku);
        BigDecimal taxRate = request.taxRate() == null ? config.tax().domesticRate() : request.taxRate();
        Price.set(priceList, sku, request, taxRate, by, clock.instant());
        return new Stored(PriceView.of(priceList, sku, Price.history(priceList, sku), LocalDate.now(clock)), first);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PriceView> find(String priceList, String sku) {
        List<Price> history = Price.history(priceList, sku);
        return history.isEmpty() ? Optional.empty()
                : Optional.of(PriceView.of(priceList, sku, history, LocalDate.now(clock)));
    }

    public record Stored(PriceView price, boolean first) {
    }
}
