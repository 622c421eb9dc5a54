package org.ordercycle.systemtests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.ordercycle.launcher.Department;
import org.ordercycle.launcher.Suite;

/**
 * What the suite holds, read without changing it: the row count of every table of the five databases (read-only
 * JDBC transactions), the unsent outbox rows and the consumer groups' lag. {@link #settle} waits until nothing is
 * in flight, so that two counts taken around an action differ only by what that action did.
 */
final class SuiteState {

    private final Suite suite;

    SuiteState(Suite suite) {
        this.suite = suite;
    }

    /** Row count per {@code database.table}, every table of schema {@code public} except Flyway's history. */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (Department department : Department.values()) {
            try (Connection connection = suite.postgres().connectAsSuperuser(department.database())) {
                connection.setReadOnly(true);
                connection.setAutoCommit(false);
                List<String> tables = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("""
                                select table_name from information_schema.tables
                                where table_schema = 'public' and table_type = 'BASE TABLE'
                                  and table_name <> 'flyway_schema_history' order by table_name""")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                connection.commit();
                // One snapshot for the whole database: repeatable read, read only.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set transaction isolation level repeatable read, read only");
                    for (String table : tables) {
                        try (ResultSet count = statement.executeQuery("select count(*) from \"" + table + "\"")) {
                            count.next();
                            counts.put(department.database() + "." + table, count.getLong(1));
                        }
                    }
                }
                connection.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count the rows of " + department.database(), e);
            }
        }
        return counts;
    }

    /** The tables whose count differs, as {@code table: before → after}. */
    static Map<String, String> differences(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new TreeMap<>();
        for (String table : after.keySet()) {
            Long was = before.get(table);
            if (!after.get(table).equals(was)) {
                changed.put(table, was + " → " + after.get(table));
            }
        }
        before.keySet().stream().filter(table -> !after.containsKey(table))
                .forEach(table -> changed.put(table, before.get(table) + " → (gone)"));
        return changed;
    }

    /** Unsent, unparked outbox rows per database. */
    Map<String, Long> unsentOutbox() {
        Map<String, Long> unsent = new TreeMap<>();
        for (Department department : Department.values()) {
            try (Connection connection = suite.postgres().connectAsSuperuser(department.database())) {
                connection.setReadOnly(true);
                try (Statement statement = connection.createStatement();
                        ResultSet count = statement.executeQuery(
                                "select count(*) from kit_outbox where sent_at is null and parked_at is null")) {
                    count.next();
                    unsent.put(department.database(), count.getLong(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the outbox of " + department.database(), e);
            }
        }
        return unsent;
    }

    /** Records not yet committed by each service's consumer group, summed over the partitions it reads. */
    Map<String, Long> consumerLag() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            Map<String, Long> lag = new TreeMap<>();
            for (Department department : Department.values()) {
                String group = department.serviceName();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
                long behind = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                    long at = entry.getValue() == null ? 0 : entry.getValue().offset();
                    behind += Math.max(0, ends.getOrDefault(entry.getKey(), at) - at);
                }
                lag.put(group, behind);
            }
            return lag;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the consumer groups' offsets", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until every outbox is empty, every consumer group has committed everything and the row counts stay the
     * same over two reads a second apart; returns those counts. Fails after {@code timeout}, saying what still moved.
     */
    Map<String, Long> settle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> previous = null;
        String moving = "";
        while (System.nanoTime() < deadline) {
            Map<String, Long> unsent = unsentOutbox();
            Map<String, Long> lag = consumerLag();
            Map<String, Long> counts = rowCounts();
            boolean idle = unsent.values().stream().allMatch(n -> n == 0) && lag.values().stream().allMatch(n -> n == 0);
            if (idle && counts.equals(previous)) {
                return counts;
            }
            moving = "unsent outbox " + unsent + ", consumer lag " + lag
                    + (previous == null ? "" : ", rows changing " + differences(previous, counts));
            previous = idle ? counts : null;
            sleep(Duration.ofMillis(1_000));
        }
        throw new AssertionError("the suite did not settle in " + timeout + ": " + moving);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
