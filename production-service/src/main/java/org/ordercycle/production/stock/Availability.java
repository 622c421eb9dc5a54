package org.ordercycle.production.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import org.ordercycle.events.production.AvailabilityChanged;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.production.product.Product;

/** Tells sales what production can offer of a product, after every product or stock change. */
@ApplicationScoped
public class Availability {

    private final Outbox outbox;
    private final Clock clock;

    Availability(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Publishes the product's availability as it stands in this transaction (the caller holds its stock row).
     * A SKU without a product has nothing to tell.
     *
     * @param by the user name of the person who acted; null for a change no person made
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String sku, String by) {
        Product product = Product.findById(sku);
        if (product == null) {
            return;
        }
        Totals totals = Totals.of(sku);
        // Capacity planning is not built yet: no surplus hours to offer.
        outbox.publish(new AvailabilityChanged(UUID.randomUUID(), clock.instant(), sku, totals.onHand(),
                totals.reserved(), totals.available(), product.leadTimeDays, BigDecimal.ZERO,
                product.unitCostMoney(), by));
    }

    /** A product's stock over all warehouses. */
    public record Totals(BigDecimal onHand, BigDecimal reserved) {

        public BigDecimal available() {
            return onHand.subtract(reserved);
        }

        static Totals of(String sku) {
            Object[] sums = Stock.getEntityManager().createQuery(
                            "select coalesce(sum(s.onHand), 0), coalesce(sum(s.reserved), 0) from Stock s where s.sku = :sku",
                            Object[].class)
                    .setParameter("sku", sku).getSingleResult();
            return new Totals((BigDecimal) sums[0], (BigDecimal) sums[1]);
        }
    }
}
