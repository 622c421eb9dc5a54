package org.ordercycle.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.ordercycle.events.Event;
import org.ordercycle.events.EventCatalog;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.EventType;
import org.ordercycle.kit.CloudEventHeaders;
import org.ordercycle.kit.EventContext;
import org.ordercycle.kit.EventKeys;

/**
 * Publishes events the only way that cannot lose one or invent one: as rows written in the caller's transaction.
 * If the transaction commits, the {@link OutboxRelay} sends the event; if it rolls back, the event never existed.
 *
 * <p>The relay sends a key's events in id order, and ids are handed out at insert, not at commit. So that two
 * transactions publishing for the same (topic, key) — two requests on one order, without an entity version to
 * make one of them fail — are sent in the order they commit, {@link #publish} first takes a transaction-scoped
 * advisory lock on the (topic, key): the second publisher waits until the first has committed or rolled back, and
 * only then gets its id. Transactions that publish for several keys take their locks in the order they publish;
 * two that take the same keys in opposite orders are a deadlock, which PostgreSQL ends by failing one of them.
 */
@ApplicationScoped
public class Outbox {

    /** First half of the two-int advisory lock ids of (topic, key) pairs; PostgreSQL keeps them apart from the relay's bigint lock. */
    private static final int KEY_LOCKS = 0x4f4b_4559;
    /**
     * One statement for one or several events: the locks of all their keys, in ascending order of their ids so
     * publishers cannot deadlock (an uncorrelated subquery, which PostgreSQL runs once before the first row), then the
     * rows in the order given (the order of their ids).
     */
    private static final String LOCK_AND_INSERT = """
            insert into kit_outbox (event_id, topic, event_key, event_type, payload, occurred_at, correlation_id, traceparent)
            select e.event_id::uuid, e.topic, e.event_key, e.event_type, e.payload, e.occurred_at::timestamptz,
                   e.correlation_id, e.traceparent
              from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                   with ordinality as e (event_id, topic, event_key, event_type, payload, occurred_at, correlation_id,
                                         traceparent, position)
             where (select count(*) from (
                       select pg_advisory_xact_lock(?, sorted.lock_id)
                         from (select distinct lock_id from unnest(?::int[]) as ids (lock_id) order by lock_id offset 0)
                              sorted) locks) >= 0
             order by e.position""";
    private static final String INSERT_RECORD = """
            insert into kit_outbox (event_id, topic, event_key, event_type, payload, occurred_at, correlation_id, headers)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Writes the event to the outbox within the caller's transaction (there must be one): {@link #publishAll} of one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Event event) {
        publishAll(List.of(Publication.of(event)));
    }

    /**
     * Writes several events to the outbox within the caller's transaction, with the guarantees of {@link #publish}, in
     * one statement: first the advisory locks of all their (topic, key) pairs, in a stable order (ascending lock id,
     * so two transactions publishing for the same keys in different orders wait for each other instead of
     * deadlocking), then the rows in the order given, so the events of one key are sent in that order. Each event
     * inherits the correlation id and trace of its {@link Publication#cause()}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<Publication> publications) {
        if (publications.isEmpty()) {
            return;
        }
        int count = publications.size();
        String[][] columns = new String[8][count];
        Integer[] lockIds = new Integer[count];
        for (int i = 0; i < count; i++) {
            Event event = publications.get(i).event();
            EventType<?> type = EventCatalog.of(event.getClass());
            String key = EventKeys.keyOf(event, type);
            EventContext cause = publications.get(i).cause();
            columns[0][i] = event.eventId().toString();
            columns[1][i] = type.topic().topicName();
            columns[2][i] = key;
            columns[3][i] = type.name();
            columns[4][i] = json(event, type);
            columns[5][i] = event.occurredAt().toString(); // ISO-8601 in UTC: read as timestamptz without a zone guess
            columns[6][i] = cause != null ? cause.correlationId() : key;
            columns[7][i] = traceparent(cause);
            lockIds[i] = lockId(type.topic().topicName(), key);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(LOCK_AND_INSERT)) {
            for (int column = 0; column < columns.length; column++) {
                insert.setArray(column + 1, connection.createArrayOf("text", columns[column]));
            }
            insert.setInt(9, KEY_LOCKS);
            insert.setArray(10, connection.createArrayOf("int4", lockIds));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("could not write " + count + " events to the outbox", e);
        }
        wakeRelayOnCommit();
    }

    /** The advisory lock id of a (topic, key); String.hashCode is specified by the JLS, so every instance agrees. */
    private static int lockId(String topic, String key) {
        return (topic + '\n' + key).hashCode();
    }

    private static String json(Event event, EventType<?> type) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + type.name() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * As {@link #publish(Event)}, but the event belongs to the trace {@code traceparent} (W3C trace context) rather
     * than to the current request's or handled event's: for an event that continues a flow a REST call cannot know,
     * as a shipment (its own {@code POST}) continues its order's trace. A null {@code traceparent} is
     * {@link #publish(Event)}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Event event, String traceparent) {
        if (traceparent == null) {
            publish(event);
            return;
        }
        String correlationId = EventContext.current().map(EventContext::correlationId)
                .orElseGet(() -> EventKeys.keyOf(event, EventCatalog.of(event.getClass())));
        EventContext.callWithin(new EventContext(correlationId, traceparent), () -> {
            publish(event);
            return null;
        });
    }

    /**
     * Writes a record that is not one of the service's own events (a dead-letter copy) within the caller's
     * transaction: it is relayed with exactly the given headers. {@code id} identifies the row, as an event id does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishRecord(UUID id, String topic, String key, String type, String payload, Map<String, String> headers,
            Instant occurredAt) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_RECORD)) {
            insert.setObject(1, id);
            insert.setString(2, topic);
            insert.setString(3, key == null ? "" : key);
            insert.setString(4, type);
            insert.setString(5, payload);
            insert.setTimestamp(6, Timestamp.from(occurredAt));
            insert.setString(7, headers.getOrDefault(CloudEventHeaders.CORRELATION_ID, id.toString()));
            insert.setString(8, RecordHeadersJson.write(headers));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("could not write record " + id + " for " + topic + " to the outbox", e);
        }
        wakeRelayOnCommit();
    }

    /**
     * Replaces, within the caller's transaction, the payload of every row of one (topic, key) that the broker has
     * acknowledged already, of the given event types, with {@code replacement}; returns how many rows changed. For the
     * right to erasure: once the events that carried a person's data are sent, the outbox keeps no copy of them until
     * its retention prunes the rows. Rows not sent yet are left alone (they must still reach the broker): call it
     * again once they are sent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int scrubSent(String topic, String key, java.util.Collection<String> eventTypes, String replacement) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        update kit_outbox set payload = ?
                        where topic = ? and event_key = ? and event_type = any(?) and sent_at is not null
                          and payload <> ?""")) {
            update.setString(1, replacement);
            update.setString(2, topic);
            update.setString(3, key);
            update.setArray(4, connection.createArrayOf("text", eventTypes.toArray()));
            update.setString(5, replacement);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("could not scrub the sent rows of " + topic + " " + key, e);
        }
    }

    /** Once per transaction, however many events it publishes. */
    private void wakeRelayOnCommit() {
        if (transactions.getResource(WakeRelayOnCommit.class) == null) {
            transactions.putResource(WakeRelayOnCommit.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        }
    }

    /**
     * The trace of the event being handled (or the one given to {@link #publish(Event, String)}) if there is one,
     * else the current span's (a REST request's), else a new trace. The handled event's wins: a replay or a parked
     * event applied later from a REST call or a timer still continues the trace of the flow it belongs to.
     */
    private static String traceparent(EventContext cause) {
        if (cause != null && cause.traceparent() != null) {
            return cause.traceparent();
        }
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "00-%016x%016x-%016x-01".formatted(random.nextLong(), random.nextLong(), random.nextLong() | 1);
    }

    /** Lets the relay send a committed event at once instead of at its next poll. */
    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
