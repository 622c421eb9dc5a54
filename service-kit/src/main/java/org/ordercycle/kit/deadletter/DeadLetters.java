package org.ordercycle.kit.deadletter;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.events.Topic;
import org.ordercycle.kit.KitConfig;
import org.ordercycle.kit.inbox.IncomingEvent;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.kit.outbox.RecordHeadersJson;

/**
 * The service's own dead letters. Each is a row in the service's database — so that it can be listed, replayed and
 * resolved by this service alone, even though other services read the same topic — and a copy on
 * {@code <topic>.dlq}, sent through the outbox (so a broker that refuses it at that moment loses nothing) with
 * SmallRye's {@code dead-letter-*} headers and {@code dead-letter-consumer} naming this service.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    public static final String CAUSE_CLASS = "dead-letter-cause-class-name";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** The service that could not apply the record: several services read each topic and share its {@code .dlq}. */
    public static final String CONSUMER = "dead-letter-consumer";
    public static final String HANDLER = "dead-letter-handler";
    public static final String ID = "dead-letter-id";

    private static final int MAX_EXCEPTION_LENGTH = 8_000;

    private static final String INSERT = """
            insert into kit_dead_letter (id, topic, topic_partition, record_offset, record_key, event_type, event_id,
                                         handler, headers, payload, reason, exception, attempts, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final Clock clock;
    private final String service;

    DeadLetters(AgroalDataSource dataSource, Outbox outbox, Clock clock, KitConfig config) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
        this.service = config.service();
    }

    /** Keeps a record this service cannot apply, in the caller's transaction, and sends its copy to the topic's .dlq. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(IncomingEvent record, String eventType, UUID eventId, String handler, String reason,
            Throwable exception, int attempts) throws SQLException {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String stackTrace = exception == null ? null : stackTrace(exception);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, id);
            insert.setString(2, record.topic());
            insert.setInt(3, record.partition());
            insert.setLong(4, record.offset());
            insert.setString(5, record.key());
            insert.setString(6, eventType);
            insert.setObject(7, eventId);
            insert.setString(8, handler);
            insert.setString(9, RecordHeadersJson.write(record.headers()));
            insert.setString(10, record.value());
            insert.setString(11, reason);
            insert.setString(12, stackTrace);
            insert.setInt(13, attempts);
            insert.setTimestamp(14, Timestamp.from(now));
            insert.executeUpdate();
        }
        outbox.publishRecord(id, deadLetterTopic(record.topic()), record.key(), eventType == null ? "unknown" : eventType,
                record.value(), copyHeaders(id, record, handler, reason, exception), now);
        return id;
    }

    private Map<String, String> copyHeaders(UUID id, IncomingEvent record, String handler, String reason,
            Throwable exception) {
        Map<String, String> headers = new LinkedHashMap<>(record.headers());
        headers.put(REASON, reason);
        if (exception != null) {
            Throwable root = exception;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            headers.put(EXCEPTION_CLASS, exception.getClass().getName());
            headers.put(CAUSE_CLASS, root.getClass().getName());
            headers.put(CAUSE, String.valueOf(root.getMessage()));
        }
        headers.put(TOPIC, record.topic());
        headers.put(PARTITION, Integer.toString(record.partition()));
        headers.put(OFFSET, Long.toString(record.offset()));
        headers.put(CONSUMER, service);
        if (handler != null) {
            headers.put(HANDLER, handler);
        }
        headers.put(ID, id.toString());
        return headers;
    }

    private static String deadLetterTopic(String topic) {
        return Topic.named(topic).map(Topic::deadLetterTopic).orElse(topic + ".dlq");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DeadLetter> find(UUID id) throws SQLException {
        List<DeadLetter> found = query("select * from kit_dead_letter where id = ?", id);
        return found.stream().findFirst();
    }

    /** The service's dead letters, newest first; {@code topic} null for all topics. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadLetter> list(String topic, boolean includeResolved, int limit) throws SQLException {
        String sql = "select * from kit_dead_letter where (?::text is null or topic = ?)"
                + (includeResolved ? "" : " and resolved_at is null") + " order by created_at desc, id limit ?";
        return query(sql, topic, topic, limit);
    }

    /** Unresolved dead letters per topic. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> unresolvedByTopic() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select topic, count(*) from kit_dead_letter where resolved_at is null group by topic order by topic");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    /** Marks a dead letter done; false if it was already (a concurrent replay or resolve won). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markResolved(UUID id, String resolution, String by) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        update kit_dead_letter set resolved_at = ?, resolution = ?, resolved_by = ?
                         where id = ? and resolved_at is null""")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setString(2, resolution);
            update.setString(3, by);
            update.setObject(4, id);
            return update.executeUpdate() == 1;
        }
    }

    /** A replay that failed again: one more attempt and the latest reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replayFailed(UUID id, String reason) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update kit_dead_letter set attempts = attempts + 1, reason = ? where id = ?")) {
            update.setString(1, reason);
            update.setObject(2, id);
            update.executeUpdate();
        }
    }

    /** Removes resolved dead letters resolved before {@code before}; unresolved ones stay until someone acts. */
    public int prune(Instant before) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from kit_dead_letter where resolved_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(before));
            return delete.executeUpdate();
        }
    }

    private List<DeadLetter> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<DeadLetter> deadLetters = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    deadLetters.add(read(row));
                }
            }
            return deadLetters;
        }
    }

    private static DeadLetter read(ResultSet row) throws SQLException {
        Timestamp resolvedAt = row.getTimestamp("resolved_at");
        return new DeadLetter(row.getObject("id", UUID.class), row.getString("topic"), row.getInt("topic_partition"),
                row.getLong("record_offset"), row.getString("record_key"), row.getString("event_type"),
                row.getObject("event_id", UUID.class), row.getString("handler"), row.getString("reason"),
                row.getString("exception"), row.getInt("attempts"), row.getTimestamp("created_at").toInstant(),
                resolvedAt == null ? null : resolvedAt.toInstant(), row.getString("resolution"),
                row.getString("resolved_by"), RecordHeadersJson.readMap(row.getString("headers")),
                row.getString("payload"));
    }

    private static String stackTrace(Throwable exception) {
        StringWriter text = new StringWriter();
        exception.printStackTrace(new PrintWriter(text));
        String trace = text.toString();
        return trace.length() <= MAX_EXCEPTION_LENGTH ? trace : trace.substring(0, MAX_EXCEPTION_LENGTH) + "\n\t…";
    }
}
