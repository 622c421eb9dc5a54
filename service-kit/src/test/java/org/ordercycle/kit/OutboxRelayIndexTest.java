package org.ordercycle.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.ordercycle.kit.KitTestSupport.count;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ordercycle.kit.outbox.OutboxMonitor;
import org.ordercycle.kit.outbox.OutboxRelay;
import org.ordercycle.testinfra.OrderCycleTestResource;

/**
 * Rows marked sent leave their entries in the partial index of unsent rows until VACUUM. The relay reads that index
 * in order ({@link OutboxRelay#INDEX_ORDER}), so its scans mark those entries dead and every later query of the
 * index — the relay's, the backlog monitor's — skips them without visiting the table. With bitmap scans nothing
 * marks them and each query visits the table's page of every entry again (13,000 pages, 30 ms per relay query, in
 * the reservation benchmark).
 */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
class OutboxRelayIndexTest {

    private static final int SENT_ROWS = 20_000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @Test
    void afterTheRelaysNextRoundsTheEntriesOfSentRowsCostNoVisitToTheTable() throws Exception {
        long vacuumsBefore = autovacuums();
        // Rows written and marked sent in one transaction: the relay never sends them, their index entries stay.
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("""
                        insert into kit_outbox (event_id, topic, event_key, event_type, payload, occurred_at,
                                                correlation_id)
                        select gen_random_uuid(), 'kit.index-test', 'key-' || i, 'IndexTest', repeat('x', 200), now(),
                               'index-test'
                        from generate_series(1, %d) i""".formatted(SENT_ROWS));
                statement.execute("update kit_outbox set sent_at = now() where topic = 'kit.index-test'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(count(dataSource,
                "select count(*) from kit_outbox where topic = 'kit.index-test' and sent_at is null")).isZero();

        awaitARoundBegunAfterNow(); // may have begun before the commit
        awaitARoundBegunAfterNow(); // begun after the first ended: its scan passed the new entries

        long tablePages = tablePagesVisitedByTheBacklogQuery();
        assumeThat(autovacuums()).as("autovacuum cleaned the index meanwhile: nothing to measure")
                .isEqualTo(vacuumsBefore);
        // The 20,000 rows lie on about 1,000 pages of the table; their entries marked dead, none of them is visited.
        assertThat(tablePages).as("table pages the backlog query visited").isLessThan(50);
    }

    private void awaitARoundBegunAfterNow() throws InterruptedException {
        long since = System.nanoTime();
        relay.wake();
        long deadline = since + Duration.ofSeconds(30).toNanos();
        while (relay.sinceLastSuccess().toNanos() >= System.nanoTime() - since) {
            assertThat(System.nanoTime()).as("a relay round within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The backlog query as a bitmap scan (as the planner mostly runs it): the table pages its bitmap held. */
    private long tablePagesVisitedByTheBacklogQuery() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("set local enable_indexscan = off");
                statement.execute("set local enable_seqscan = off");
                try (ResultSet plan = statement.executeQuery(
                        "explain (analyze, buffers, format json) " + OutboxMonitor.BACKLOG)) {
                    plan.next();
                    return heapPages(json.readTree(plan.getString(1)).get(0).get("Plan"));
                }
            }
        });
    }

    /** Buffers of the plan's bitmap heap scans without those of their index scans. */
    private static long heapPages(JsonNode node) {
        long pages = 0;
        if (node.path("Node Type").asText().equals("Bitmap Heap Scan")) {
            pages += buffers(node);
            for (JsonNode child : node.path("Plans")) {
                pages -= buffers(child);
            }
        }
        for (JsonNode child : node.path("Plans")) {
            pages += heapPages(child);
        }
        return pages;
    }

    private static long buffers(JsonNode node) {
        return node.path("Shared Hit Blocks").asLong() + node.path("Shared Read Blocks").asLong();
    }

    private long autovacuums() {
        return count(dataSource, "select autovacuum_count from pg_stat_user_tables where relname = 'kit_outbox'");
    }
}
