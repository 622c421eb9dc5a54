package org.ordercycle.kit.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Exposes how far the relay is behind: the number of unsent events and the age of the oldest. A growing backlog
 * means the broker is unreachable or the relay is stuck; it is the alert an operator wants, not a failed health check.
 * Parked events (refused by the broker for good, waiting for an operator) are counted apart: they are not the
 * relay falling behind. The events waiting behind a parked one are backlog, and age.
 */
@ApplicationScoped
public class OutboxMonitor {

    private static final Logger LOG = Logger.getLogger(OutboxMonitor.class);

    private final AgroalDataSource dataSource;
    private volatile long backlog;
    private volatile double oldestAgeSeconds;
    private volatile long parked;

    OutboxMonitor(AgroalDataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        Gauge.builder("ordercycle.outbox.backlog", this, OutboxMonitor::backlog)
                .description("Events written to the outbox and not yet acknowledged by the broker, parked ones aside")
                .register(metrics);
        Gauge.builder("ordercycle.outbox.oldest.age", this, OutboxMonitor::oldestAgeSeconds)
                .description("Age of the oldest unsent outbox event")
                .baseUnit("seconds")
                .register(metrics);
        Gauge.builder("ordercycle.outbox.parked", this, OutboxMonitor::parked)
                .description("Outbox events the broker refused for good, waiting for an operator (GET /admin/outbox/parked)")
                .register(metrics);
    }

    public long backlog() {
        return backlog;
    }

    public double oldestAgeSeconds() {
        return oldestAgeSeconds;
    }

    public long parked() {
        return parked;
    }

    /**
     * Unsent and parked events and the oldest unsent one's time, through the partial index of unsent rows (its entries
     * of rows sent since the last VACUUM are skipped once the relay's index scans marked them dead:
     * {@link OutboxRelay#INDEX_ORDER}).
     */
    public static final String BACKLOG = """
            select count(*) filter (where parked_at is null), min(created_at) filter (where parked_at is null),
                   count(*) filter (where parked_at is not null)
            from kit_outbox where sent_at is null""";

    /** Reads the backlog from the database. */
    @Scheduled(every = "${ordercycle.kit.outbox.monitor-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(BACKLOG)) {
            result.next();
            backlog = result.getLong(1);
            parked = result.getLong(3);
            Timestamp oldest = result.getTimestamp(2);
            oldestAgeSeconds = oldest == null ? 0 : Duration.between(oldest.toInstant(), Instant.now()).toMillis() / 1000.0;
        } catch (SQLException e) {
            LOG.debugf("Outbox backlog not measured: %s", e.getMessage());
        }
    }
}
