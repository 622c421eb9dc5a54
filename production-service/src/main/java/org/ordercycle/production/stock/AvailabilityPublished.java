package org.ordercycle.production.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** What production last told sales about a product: the base the threshold of the next change is measured from. */
@Entity
public class AvailabilityPublished extends PanacheEntityBase {

    @Id
    public String sku;

    public BigDecimal onHand;

    public BigDecimal reserved;

    public BigDecimal availableToPromise;

    public int leadTimeDays;

    public BigDecimal surplusCapacityHours;

    public Instant publishedAt;

    /** The figures as they are now, to compare with the last ones published. */
    record Figures(BigDecimal onHand, BigDecimal reserved, BigDecimal availableToPromise, int leadTimeDays,
            BigDecimal surplusCapacityHours) {

        /** Whether anything moved by more than the threshold (0: any change at all) since these were published. */
        boolean movedFrom(AvailabilityPublished last, BigDecimal threshold) {
            return last == null
                    || leadTimeDays != last.leadTimeDays
                    || beyond(onHand, last.onHand, threshold)
                    || beyond(reserved, last.reserved, threshold)
                    || beyond(availableToPromise, last.availableToPromise, threshold)
                    || beyond(surplusCapacityHours, last.surplusCapacityHours, threshold);
        }

        private static boolean beyond(BigDecimal now, BigDecimal before, BigDecimal threshold) {
            return now.subtract(before).abs().compareTo(threshold) > 0;
        }
    }

    static AvailabilityPublished lock(String sku) {
        return findById(sku, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The last figures of these products, locked in SKU order; products never published are left out. */
    static Map<String, AvailabilityPublished> lockAll(Collection<String> skus) {
        Map<String, AvailabilityPublished> locked = new HashMap<>();
        if (skus.isEmpty()) {
            return locked;
        }
        AvailabilityPublished.<AvailabilityPublished>find("sku in ?1 order by sku", new TreeSet<>(skus))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(row -> locked.put(row.sku, row));
        return locked;
    }

    static void remember(AvailabilityPublished last, String sku, Figures figures, Instant at) {
        AvailabilityPublished row = last;
        if (row == null) {
            row = new AvailabilityPublished();
            row.sku = sku;
        }
        row.onHand = figures.onHand();
        row.reserved = figures.reserved();
        row.availableToPromise = figures.availableToPromise();
        row.leadTimeDays = figures.leadTimeDays();
        row.surplusCapacityHours = figures.surplusCapacityHours();
        row.publishedAt = at;
        if (last == null) {
            row.persist();
        }
    }
}
