package org.ordercycle.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordercycle.kit.KitTestSupport.count;
import static org.ordercycle.kit.KitTestSupport.orderPlaced;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.deadletter.DeadLetters;
import org.ordercycle.kit.inbox.IncomingEvent;
import org.ordercycle.kit.outbox.OutboxRelay;
import org.ordercycle.testinfra.OrderCycleTestResource;

/**
 * Pruning removes what is past its retention and nothing else. Each case makes its own rows, dated by a marker
 * far in the past or future, so it does not depend on what other test classes left.
 */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
class HousekeepingTest {

    @Inject
    Housekeeping housekeeping;

    @Inject
    OutboxRelay relay;

    @Inject
    TestPublisher publisher;

    @Inject
    DeadLetters deadLetters;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eachKindIsPrunedAfterItsOwnRetentionAndAnUnsentEventNever() throws Exception {
        Instant base = Instant.parse("2200-01-01T00:00:00Z");
        relay.stop();
        try {
            pruneEachKindAfterItsRetention(base);
        } finally {
            relay.start();
        }
    }

    private void pruneEachKindAfterItsRetention(Instant base) throws Exception {
        UUID sent;
        UUID unsent;
        {
            OrderPlaced sentEvent = orderPlaced(UUID.randomUUID());
            OrderPlaced unsentEvent = orderPlaced(UUID.randomUUID());
            publisher.publish(List.of(sentEvent, unsentEvent));
            sent = sentEvent.eventId();
            unsent = unsentEvent.eventId();
            // Everything this test made, dated at the base; the rest of the tables stays far older or unsent.
            update("update kit_outbox set sent_at = ?, created_at = ? where event_id = ?", base, base, sent);
            update("update kit_outbox set created_at = ? where event_id = ?", base, unsent);
        }
        UUID inboxEvent = UUID.randomUUID();
        update("insert into kit_inbox (consumer, event_id, event_type, received_at) values ('housekeeping', ?, 'OrderPlaced', ?)",
                inboxEvent, base);
        update("insert into kit_idempotency (scope, key, fingerprint, created_at) values ('housekeeping', ?, 'f', ?)",
                inboxEvent.toString(), base);
        UUID resolved = deadLetter(base, true);
        UUID unresolved = deadLetter(base, false);

        housekeeping.prune(base.plus(Duration.ofHours(23)));
        assertThat(exists("kit_idempotency", "key = ?", inboxEvent.toString())).isTrue();
        housekeeping.prune(base.plus(Duration.ofDays(2)));
        assertThat(exists("kit_idempotency", "key = ?", inboxEvent.toString())).isFalse();
        assertThat(exists("kit_outbox", "event_id = ?", sent)).isTrue();

        housekeeping.prune(base.plus(Duration.ofDays(8)));
        assertThat(exists("kit_outbox", "event_id = ?", sent)).isFalse();
        assertThat(exists("kit_inbox", "event_id = ?", inboxEvent)).isTrue();

        housekeeping.prune(base.plus(Duration.ofDays(31)));
        assertThat(exists("kit_inbox", "event_id = ?", inboxEvent)).isFalse();
        assertThat(exists("kit_dead_letter", "id = ?", resolved)).isFalse();
        assertThat(exists("kit_dead_letter", "id = ?", unresolved)).as("unresolved dead letters wait for an operator")
                .isTrue();
        assertThat(exists("kit_outbox", "event_id = ?", unsent)).as("an unsent event is never pruned").isTrue();
    }

    /** The scheduled pruning asks the service's Clock for "now": moving the clock moves what is old. */
    @Test
    void scheduledPruningFollowsTheServiceClock() throws Exception {
        UUID inboxEvent = UUID.randomUUID();
        Instant now = Instant.now();
        update("insert into kit_inbox (consumer, event_id, event_type, received_at) values ('housekeeping', ?, 'OrderPlaced', ?)",
                inboxEvent, now);
        housekeeping.prune();
        assertThat(exists("kit_inbox", "event_id = ?", inboxEvent)).isTrue();
        TestClock.move(Duration.ofDays(31));
        try {
            housekeeping.prune();
        } finally {
            TestClock.move(Duration.ZERO);
        }
        assertThat(exists("kit_inbox", "event_id = ?", inboxEvent)).isFalse();
    }

    private UUID deadLetter(Instant at, boolean resolved) throws Exception {
        UUID id = QuarkusTransaction.requiringNew().call(() -> deadLetters.record(
                new IncomingEvent("sales.orders", 0, 0, "housekeeping", Map.of(), "{}"), "OrderPlaced", null, null,
                "housekeeping test", null, 1));
        update("update kit_dead_letter set created_at = ?, resolved_at = ? where id = ?", at, resolved ? at : null, id);
        return id;
    }

    private boolean exists(String table, String condition, Object value) {
        return count(dataSource, "select count(*) from " + table + " where " + condition, value) > 0;
    }

    private void update(String sql, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i] instanceof Instant instant ? Timestamp.from(instant) : parameters[i]);
            }
            update.executeUpdate();
        }
    }
}
