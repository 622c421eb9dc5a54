package org.ordercycle.sales.availability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.ordercycle.events.Money;
import org.ordercycle.sales.Decimals;
import org.ordercycle.sales.SalesConfig;
import org.ordercycle.sales.forecast.Forecast;
import org.ordercycle.sales.product.Product;

/**
 * The availability read model (production's AvailabilityChanged) and the offers it makes possible: excess stock is
 * what is available to promise beyond this month's forecast for the product (beyond
 * {@code sales.offers.excess-stock-above} when there is no forecast); surplus capacity is production's free hours.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AvailabilityService {

    private final Clock clock;
    private final SalesConfig.Offers config;

    AvailabilityService(Clock clock, SalesConfig config) {
        this.clock = clock;
        this.config = config.offers();
    }

    public List<AvailabilityView> all() {
        YearMonth month = YearMonth.now(clock);
        return Product.<Product>list("order by sku").stream().map(product -> view(product, month)).toList();
    }

    public List<OfferView> offers() {
        List<OfferView> offers = new ArrayList<>();
        for (AvailabilityView product : all()) {
            List<String> reasons = new ArrayList<>();
            if (product.excessStock().signum() > 0) {
                reasons.add("EXCESS_STOCK");
            }
            if (product.surplusCapacityHours() != null && product.surplusCapacityHours().signum() > 0) {
                reasons.add("SURPLUS_CAPACITY");
            }
            if (!reasons.isEmpty()) {
                offers.add(new OfferView(product.sku(), reasons, product.excessStock(),
                        product.surplusCapacityHours(), product.availableToPromise().signum() > 0,
                        product.leadTimeDays(), Decimals.plain(config.surplusDiscountPercent())));
            }
        }
        return offers;
    }

    private AvailabilityView view(Product product, YearMonth month) {
        BigDecimal demand = Forecast.quantityOf(product.sku, month);
        BigDecimal beyond = demand != null ? demand : config.excessStockAbove();
        BigDecimal excess = product.availableToPromise.subtract(beyond).max(BigDecimal.ZERO);
        return new AvailabilityView(product.sku, Decimals.plain(product.onHand), Decimals.plain(product.reserved),
                Decimals.plain(product.availableToPromise), product.leadTimeDays,
                Decimals.plain(product.surplusCapacityHours), Decimals.plain(excess),
                product.unitCost == null ? null : new Money(Decimals.price(product.unitCost),
                        product.unitCostCurrency),
                product.updatedAt);
    }
}
