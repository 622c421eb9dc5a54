package org.ordercycle.kit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Prunes what the kit no longer needs: outbox rows long sent, inbox rows older than any redelivery could be,
 * idempotency keys older than any client retry, dead letters resolved longer ago than their retention (unresolved
 * ones stay until an operator acts).
 * Deletes in small batches so that it never holds many locks or a long transaction.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    private static final int BATCH = 5_000;

    private static final String PRUNE_OUTBOX = """
            delete from kit_outbox where id in
              (select id from kit_outbox where sent_at < ? limit %d)""".formatted(BATCH);
    private static final String PRUNE_INBOX = """
            delete from kit_inbox where (consumer, event_id) in
              (select consumer, event_id from kit_inbox where received_at < ? limit %d)""".formatted(BATCH);

    private static final String PRUNE_DEAD_LETTERS = """
            delete from kit_dead_letter where id in
              (select id from kit_dead_letter where resolved_at < ? limit %d)""".formatted(BATCH);

    private static final String PRUNE_IDEMPOTENCY = """
            delete from kit_idempotency where (scope, key) in
              (select scope, key from kit_idempotency where created_at < ? limit %d)""".formatted(BATCH);

    private final AgroalDataSource dataSource;
    private final KitConfig config;
    private final Clock clock;

    Housekeeping(AgroalDataSource dataSource, KitConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${ordercycle.kit.housekeeping-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        try {
            prune(clock.instant());
        } catch (SQLException e) {
            LOG.warnf("Outbox and inbox not pruned this time: %s", e.getMessage());
        }
    }

    /** Removes what is older than its retention, as seen at {@code now}; returns how many rows. */
    public int prune(Instant now) throws SQLException {
        int outbox = deleteAll(PRUNE_OUTBOX, now.minus(config.outbox().retention()));
        int inbox = deleteAll(PRUNE_INBOX, now.minus(config.inbox().retention()));
        int keys = deleteAll(PRUNE_IDEMPOTENCY, now.minus(config.idempotency().retention()));
        int deadLetters = deleteAll(PRUNE_DEAD_LETTERS, now.minus(config.deadLetters().retention()));
        if (outbox + inbox + keys + deadLetters > 0) {
            LOG.infof("Pruned %d sent outbox rows, %d inbox rows, %d idempotency keys and %d resolved dead letters",
                    outbox, inbox, keys, deadLetters);
        }
        return outbox + inbox + keys + deadLetters;
    }

    private int deleteAll(String sql, Instant before) throws SQLException {
        int total = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setTimestamp(1, Timestamp.from(before));
            int deleted;
            do {
                deleted = delete.executeUpdate();
                total += deleted;
            } while (deleted == BATCH);
        }
        return total;
    }
}
