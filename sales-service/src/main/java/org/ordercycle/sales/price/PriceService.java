package org.ordercycle.sales.price;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Keeps the price list: every price set is kept, the one in force is the latest that has begun. */
@ApplicationScoped
@Transactional
public class PriceService {

    private final Clock clock;

    PriceService(Clock clock) {
        this.clock = clock;
    }

    /** Adds the price to the SKU's history; true in {@code first} when it is the SKU's first price. */
    public Stored set(String sku, PriceRequest request, String by) {
        boolean first = Price.count("sku", sku) == 0;
        Price.set(sku, request, by, clock.instant());
        return new Stored(PriceView.of(sku, Price.history(sku), LocalDate.now(clock)), first);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PriceView> find(String sku) {
        List<Price> history = Price.history(sku);
        return history.isEmpty() ? Optional.empty() : Optional.of(PriceView.of(sku, history, LocalDate.now(clock)));
    }

    public record Stored(PriceView price, boolean first) {
    }
}
