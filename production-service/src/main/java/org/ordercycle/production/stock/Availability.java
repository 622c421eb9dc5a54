package org.ordercycle.production.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.ordercycle.events.production.AvailabilityChanged;
import org.ordercycle.kit.EventContext;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.kit.outbox.Publication;
import org.ordercycle.production.ProductionConfig;
import org.ordercycle.production.product.Product;

/** Tells sales what production can offer of a product, after every product or stock change. */
@ApplicationScoped
public class Availability {

    /** Free hours of a work center this month; the schedule knows them. */
    public interface Capacity {
        BigDecimal surplusHours(String workCenter);
    }

    private final Outbox outbox;
    private final Capacity capacity;
    private final ProductionConfig config;
    private final Clock clock;

    Availability(Outbox outbox, Capacity capacity, ProductionConfig config, Clock clock) {
        this.outbox = outbox;
        this.capacity = capacity;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Publishes the product's availability as it stands in this transaction (the caller holds its stock row), when
     * on hand, reserved, available-to-promise, lead time or surplus capacity moved by more than the threshold since the
     * last one published. A SKU without a product has nothing to tell.
     *
     * @param by the user name of the person who acted; null for a change no person made
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String sku, String by) {
        publish(sku, by, false);
    }

    /**
     * {@link #changed} for many products at once (the caller holds their stock rows and has their products loaded:
     * a SKU missing from {@code products} has no product), each at most once: answers the {@code AvailabilityChanged}
     * events for the caller to publish (with its own events, in one write), their figures already remembered as the
     * last published. One statement for all the products: it sums their stock over the sellable warehouses, compares
     * the sums with the last published figures (locking those rows in SKU order) and stores the figures that moved by
     * more than the threshold (or are the first of their product), answering those; the caller's changes are flushed
     * first. Each event carries the context of the event that caused it (the value; null when none).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Publication> changesOf(Map<String, EventContext> causes, Map<String, Product> products, String by) {
        TreeMap<String, Product> known = new TreeMap<>();
        causes.keySet().forEach(sku -> {
            Product product = products.get(sku);
            if (product != null) {
                known.put(sku, product);
            }
        });
        if (known.isEmpty()) {
            return List.of();
        }
        Map<String, BigDecimal> surplusOf = new HashMap<>();
        Map<String, BigDecimal> surplus = new HashMap<>();
        known.forEach((sku, product) -> surplus.put(sku, product.workCenter == null ? BigDecimal.ZERO
                : surplusOf.computeIfAbsent(product.workCenter, capacity::surplusHours)));
        Stock.getEntityManager().flush();
        Map<String, AvailabilityPublished.Figures> moved = AvailabilityPublished.rememberMoved(known, surplus,
                config.availability().threshold(), clock.instant());
        List<Publication> events = new ArrayList<>(moved.size());
        new TreeMap<>(moved).forEach((sku, figures) -> {
            Product product = known.get(sku);
            events.add(new Publication(new AvailabilityChanged(UUID.randomUUID(), clock.instant(), sku,
                    figures.onHand(), figures.reserved(), figures.availableToPromise(), figures.leadTimeDays(),
                    figures.surplusCapacityHours(), product.unitCostMoney(), by), causes.get(sku)));
        });
        return events;
    }

    /** The product itself changed (name, cost, lead time): always published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void productChanged(String sku, String by) {
        publish(sku, by, true);
    }

    private void publish(String sku, String by, boolean always) {
        Product product = Product.findById(sku);
        if (product == null) {
            return;
        }
        Totals totals = Totals.of(sku);
        BigDecimal surplus = product.workCenter == null ? BigDecimal.ZERO : capacity.surplusHours(product.workCenter);
        AvailabilityPublished.Figures figures = new AvailabilityPublished.Figures(totals.onHand(), totals.reserved(),
                totals.available(), product.leadTimeDays, surplus);
        AvailabilityPublished last = AvailabilityPublished.lock(sku);
        if (!always && !figures.movedFrom(last, config.availability().threshold())) {
            return;
        }
        AvailabilityPublished.remember(last, sku, figures, clock.instant());
        outbox.publish(new AvailabilityChanged(UUID.randomUUID(), clock.instant(), sku, totals.onHand(),
                totals.reserved(), totals.available(), product.leadTimeDays, surplus, product.unitCostMoney(), by));
    }

    /** A product's stock over all warehouses whose goods can be sold (not the repair shelf). */
    public record Totals(BigDecimal onHand, BigDecimal reserved) {

        public BigDecimal available() {
            return onHand.subtract(reserved);
        }

        public static Totals of(String sku) {
            Object[] sums = Stock.getEntityManager().createQuery(
                            """
                            select coalesce(sum(s.onHand), 0), coalesce(sum(s.reserved), 0) from Stock s, Warehouse w
                            where s.sku = :sku and w.code = s.warehouse and w.sellable = true""",
                            Object[].class)
                    .setParameter("sku", sku).getSingleResult();
            return new Totals((BigDecimal) sums[0], (BigDecimal) sums[1]);
        }
    }
}
