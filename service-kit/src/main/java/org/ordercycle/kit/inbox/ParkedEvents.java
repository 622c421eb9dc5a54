package org.ordercycle.kit.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.kit.outbox.RecordHeadersJson;

/**
 * Events a handler could not apply yet (see {@link PrerequisiteMissing}), kept in the service's database until
 * their prerequisite arrives. Per handler and key they wait in the order they came: a later event of the same key
 * for the same handler is parked behind an earlier one instead of overtaking it.
 */
@ApplicationScoped
class ParkedEvents {

    /**
     * Where a parked event waits: one handler bean (all its handler methods, since the order between an order's
     * events of different types matters too), one topic, one key.
     */
    record Queue(String handlerBean, String topic, String key) {
    }

    /** A parked event as it was read from its topic. */
    record Parked(long id, String handler, String prerequisite, IncomingEvent record) {
    }

    private static final String PARK = """
            insert into kit_parked_event (handler, handler_bean, prerequisite, topic, topic_partition, record_offset,
                                          record_key, event_type, event_id, headers, payload, parked_at)
            values (?, split_part(?, '.', 1), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (handler, event_id) do nothing""";

    private static final String HEADS = """
            select distinct on (handler_bean, topic, record_key) handler_bean, topic, record_key, prerequisite
              from kit_parked_event where topic = any(?) order by handler_bean, topic, record_key, id""";

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private volatile long waiting;

    ParkedEvents(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** How many events wait, as last counted (a gauge). */
    long waiting() {
        return waiting;
    }

    long countWaiting() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from kit_parked_event")) {
            result.next();
            waiting = result.getLong(1);
            return waiting;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void park(String handler, String prerequisite, IncomingEvent record, String eventType, UUID eventId)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(PARK)) {
            insert.setString(1, handler);
            insert.setString(2, handler);
            insert.setString(3, prerequisite);
            insert.setString(4, record.topic());
            insert.setInt(5, record.partition());
            insert.setLong(6, record.offset());
            insert.setString(7, record.key());
            insert.setString(8, eventType);
            insert.setObject(9, eventId);
            insert.setString(10, RecordHeadersJson.write(record.headers()));
            insert.setString(11, record.value());
            insert.setTimestamp(12, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
    }

    /** The queues that hold events on these topics, each with the prerequisite its oldest event waits for. */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<Queue, String> queues(Collection<String> topics) throws SQLException {
        Map<Queue, String> queues = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(HEADS)) {
            query.setArray(1, connection.createArrayOf("text", topics.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    queues.put(new Queue(rows.getString(1), rows.getString(2), rows.getString(3)), rows.getString(4));
                }
            }
        }
        return queues;
    }

    /** The parked events waiting for one of these prerequisites (all of them if null), oldest first. */
    List<Long> waitingFor(Collection<String> prerequisites) throws SQLException {
        String sql = prerequisites == null ? "select id from kit_parked_event order by id"
                : "select id from kit_parked_event where prerequisite = any(?) order by id";
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            if (prerequisites != null) {
                query.setArray(1, connection.createArrayOf("text", prerequisites.toArray()));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    Optional<Parked> find(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select * from kit_parked_event where id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Parked(id, row.getString("handler"), row.getString("prerequisite"),
                        new IncomingEvent(row.getString("topic"), row.getInt("topic_partition"),
                                row.getLong("record_offset"), row.getString("record_key"),
                                RecordHeadersJson.readMap(row.getString("headers")), row.getString("payload"))));
            }
        }
    }

    /**
     * Takes a parked event out to apply it, in the caller's transaction (if applying fails, it is back in its
     * place); false when it is gone (a concurrent retry applied it) or still behind an older event of its queue.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean take(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("""
                        delete from kit_parked_event p where p.id = ?
                           and not exists (select 1 from kit_parked_event older
                                            where older.handler_bean = p.handler_bean and older.topic = p.topic
                                              and older.record_key = p.record_key and older.id < p.id)""")) {
            delete.setLong(1, id);
            return delete.executeUpdate() == 1;
        }
    }

    /** Back in the queue, waiting for another (or the same) prerequisite. */
    @Transactional(Transactional.TxType.MANDATORY)
    void repark(long id, String prerequisite) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update kit_parked_event set prerequisite = ?, attempts = attempts + 1 where id = ?")) {
            update.setString(1, prerequisite);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void remove(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            delete(connection, id);
        }
    }

    private static void delete(Connection connection, long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from kit_parked_event where id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
    }
}
