package org.ordercycle.production.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.Session;
import org.ordercycle.production.product.Product;

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

    /**
     * In one statement: the stock of these products summed over the sellable warehouses, with their lead time and
     * surplus hours, compared with the last published figures (whose rows are locked, in SKU order, moved or not);
     * the figures that moved by more than the threshold, or a product's first, are stored as the last published and
     * answered. Reads what is in the database: flush the stock changes first.
     */
    static Map<String, Figures> rememberMoved(Map<String, Product> products, Map<String, BigDecimal> surplus,
            BigDecimal threshold, Instant at) {
        String[] skus = products.keySet().toArray(String[]::new);
        Integer[] leadTimes = new Integer[skus.length];
        BigDecimal[] surpluses = new BigDecimal[skus.length];
        for (int i = 0; i < skus.length; i++) {
            leadTimes[i] = products.get(skus[i]).leadTimeDays;
            surpluses[i] = surplus.get(skus[i]);
        }
        Map<String, Figures> moved = new HashMap<>();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(REMEMBER_MOVED)) {
                upsert.setObject(1, at.atOffset(ZoneOffset.UTC));
                upsert.setArray(2, connection.createArrayOf("text", skus));
                upsert.setArray(3, connection.createArrayOf("int4", leadTimes));
                upsert.setArray(4, connection.createArrayOf("numeric", surpluses));
                upsert.setArray(5, connection.createArrayOf("text", skus));
                for (int i = 6; i <= 9; i++) {
                    upsert.setBigDecimal(i, threshold);
                }
                try (ResultSet rows = upsert.executeQuery()) {
                    while (rows.next()) {
                        moved.put(rows.getString(1), new Figures(rows.getBigDecimal(2), rows.getBigDecimal(3),
                                rows.getBigDecimal(4), rows.getInt(5), rows.getBigDecimal(6)));
                    }
                }
            }
        });
        return moved;
    }

    /** See {@link #rememberMoved}; the same test as {@link Figures#movedFrom}. */
    private static final String REMEMBER_MOVED = """
            insert into availability_published as last (sku, on_hand, reserved, available_to_promise, lead_time_days,
                                                         surplus_capacity_hours, published_at)
            select p.sku, coalesce(t.on_hand, 0), coalesce(t.reserved, 0), coalesce(t.on_hand, 0) - coalesce(t.reserved, 0),
                   p.lead_time_days, p.surplus, ?::timestamptz
              from unnest(?::text[], ?::int[], ?::numeric[]) as p (sku, lead_time_days, surplus)
              left join (select s.sku, sum(s.on_hand) as on_hand, sum(s.reserved) as reserved
                           from stock s join warehouse w on w.code = s.warehouse and w.sellable
                          where s.sku = any(?::text[]) group by s.sku) t on t.sku = p.sku
             order by p.sku
            on conflict (sku) do update set on_hand = excluded.on_hand, reserved = excluded.reserved,
                   available_to_promise = excluded.available_to_promise, lead_time_days = excluded.lead_time_days,
                   surplus_capacity_hours = excluded.surplus_capacity_hours, published_at = excluded.published_at
             where last.lead_time_days <> excluded.lead_time_days
                or abs(excluded.on_hand - last.on_hand) > ?::numeric
                or abs(excluded.reserved - last.reserved) > ?::numeric
                or abs(excluded.available_to_promise - last.available_to_promise) > ?::numeric
                or abs(excluded.surplus_capacity_hours - last.surplus_capacity_hours) > ?::numeric
            returning sku, on_hand, reserved, available_to_promise, lead_time_days, surplus_capacity_hours""";

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
