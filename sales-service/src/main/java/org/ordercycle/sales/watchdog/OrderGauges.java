package org.ordercycle.sales.watchdog;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.ordercycle.sales.SalesConfig;
import org.ordercycle.sales.order.OrderStatus;

/**
 * What the people running the cycle watch on sales' metrics endpoint: {@code ordercycle_orders{state}}, the orders
 * in each status, and {@code ordercycle_orders_stalled{state}}, the orders that have sat in their status longer
 * than the watchdog's limit for it (the ones {@code GET /orders/stalled} lists). Counted every
 * {@code ordercycle.metrics.orders-refresh-interval} by two indexed queries (status, status since), not on every scrape.
 */
@ApplicationScoped
public class OrderGauges {

    private static final Logger LOG = Logger.getLogger(OrderGauges.class);
    private static final String STALLED = "select count(*) from sales_order where status = ? and status_since < ?";

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final Map<OrderStatus, Duration> limits = new EnumMap<>(OrderStatus.class);
    private final Map<OrderStatus, Long> orders = new ConcurrentHashMap<>();
    private final Map<OrderStatus, Long> stalled = new ConcurrentHashMap<>();

    OrderGauges(AgroalDataSource dataSource, Clock clock, SalesConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.clock = clock;
        config.watchdog().limits().forEach((state, limit) -> {
            try {
                limits.put(OrderStatus.valueOf(state), limit);
            } catch (IllegalArgumentException e) {
                // named no status: the watchdog says so at start
            }
        });
        for (OrderStatus status : OrderStatus.values()) {
            Gauge.builder("ordercycle.orders", orders, counts -> counts.getOrDefault(status, 0L))
                    .tag("state", status.name())
                    .description("Orders in this status")
                    .register(metrics);
        }
        for (OrderStatus status : limits.keySet()) {
            Gauge.builder("ordercycle.orders.stalled", stalled, counts -> counts.getOrDefault(status, 0L))
                    .tag("state", status.name())
                    .description("Orders in this status for longer than the watchdog's limit for it (GET /orders/stalled)")
                    .register(metrics);
        }
    }

    /** The orders per status as last counted. */
    public Map<OrderStatus, Long> orders() {
        return Map.copyOf(orders);
    }

    /** The stalled orders per status as last counted. */
    public Map<OrderStatus, Long> stalled() {
        return Map.copyOf(stalled);
    }

    @Scheduled(every = "${ordercycle.metrics.orders-refresh-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            Map<OrderStatus, Long> counted = new EnumMap<>(OrderStatus.class);
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select status, count(*) from sales_order group by status")) {
                while (rows.next()) {
                    counted.put(OrderStatus.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
            Map<OrderStatus, Long> over = new EnumMap<>(OrderStatus.class);
            try (PreparedStatement statement = connection.prepareStatement(STALLED)) {
                for (Map.Entry<OrderStatus, Duration> limit : limits.entrySet()) {
                    statement.setString(1, limit.getKey().name());
                    statement.setTimestamp(2, Timestamp.from(now.minus(limit.getValue())));
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        over.put(limit.getKey(), rows.getLong(1));
                    }
                }
            }
            orders.keySet().retainAll(counted.keySet());
            orders.putAll(counted);
            stalled.putAll(over);
        } catch (SQLException e) {
            LOG.debugf("Orders not counted now: %s", e.getMessage());
        }
    }
}
