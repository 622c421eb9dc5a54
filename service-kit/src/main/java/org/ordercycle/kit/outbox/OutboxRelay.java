package org.ordercycle.kit.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.ordercycle.kit.KafkaClients;
import org.ordercycle.kit.KitConfig;

/**
 * Sends committed outbox rows to Kafka, oldest first, and marks a row sent only after the broker acknowledged it.
 *
 * <p><b>One relay at a time.</b> Of all instances of a service, the one holding a PostgreSQL advisory lock relays;
 * no row lock is held while waiting for the broker. A row acknowledged but not yet marked (a crash, a failed
 * update in between) is sent again, which the consumers' inbox absorbs.
 *
 * <p><b>Per-key order.</b> Rows of different (topic, key) pairs travel together; a row is sent only once the row
 * before it of the same (topic, key) was acknowledged. Kafka keeps a partition's successful records in order but
 * not their failures: without this, the row after a refused one could land before it.
 *
 * <p><b>Refusals and parking.</b> A row the broker refuses for good ({@link Refusals}) is tried again with back-off
 * and parked after {@code park-after-attempts} refusals; the rows after it of its (topic, key) wait behind it
 * while every other key flows on. An operator lists and retries parked rows ({@link OutboxAdminResource}).
 *
 * <p><b>It does not die.</b> A round that fails for any reason — broker, database, or any {@code Throwable}, even a
 * {@code VirtualMachineError}: an {@code OutOfMemoryError} from one huge batch is over once the batch is freed, and
 * whether the process should end on one is the JVM's decision ({@code -XX:+ExitOnOutOfMemoryError}), not the
 * relay's — is logged once per kind of failure ({@link FailureLog}) and tried again with back-off. Whether rounds
 * succeed is its liveness ({@link OutboxRelayCheck}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Advisory lock id of the relay; each service has its own database, so one constant suffices. */
    static final long RELAY_LOCK = 0x4f43_4f55_5442_4f58L;

    /**
     * Unsent rows after a cursor, except parked rows and those behind a parked row of their (topic, key). The parked
     * keys are looked up once per query (a materialized CTE over the small {@code kit_outbox_parked} index), not per
     * row read: as a correlated {@code not exists}, PostgreSQL could probe it through the index of all unsent rows for
     * each of the 500 rows read — with stale statistics it did, 8 s per query at a backlog of 33,000 rows, so the
     * relay fell further behind the larger its backlog (the reservation benchmark's diagnostics, 7 December).
     * Public so that diagnostics can EXPLAIN the query the relay runs (parameters: the cursor id, the limit).
     */
    public static final String UNSENT = """
            with parked as materialized (
                select topic, event_key, min(id) as first_id from kit_outbox
                where parked_at is not null and sent_at is null
                group by topic, event_key)
            select %s from kit_outbox o
            where o.sent_at is null and o.parked_at is null and o.id > ?
              and not exists (select 1 from parked p
                              where p.topic = o.topic and p.event_key = o.event_key and p.first_id < o.id)
            order by o.id limit ?""".formatted(OutboxRecord.COLUMNS);
    /**
     * The relay's session reads unsent rows through {@code kit_outbox_unsent} in id order (a plain index scan that
     * stops at the batch's limit), never as a bitmap scan. Marking a row sent leaves its entry in that partial index
     * until VACUUM removes it, and autovacuum visits a database about once a minute: at 4,000 events a second the index
     * held 180,000 such entries. A bitmap scan visits the heap for every one of them, on every query — 13,000 buffers
     * and 30 ms per query, most of PostgreSQL's CPU in the reservation benchmark (pg_stat_statements, 7 December) —
     * while an index scan marks an entry dead the first time it finds its row dead, and later scans skip it without
     * touching the heap (0.8 ms instead of 16 ms at 200,000 entries; {@code OutboxRelayIndexTest}). The planner prefers
     * the bitmap when its estimates see few unsent rows, which is exactly when the index is full of dead entries. Set
     * on the relay's own session while it holds the relay lock, reset when it gives the session back.
     */
    public static final String INDEX_ORDER = "set enable_bitmapscan = off";
    public static final String INDEX_ORDER_RESET = "reset enable_bitmapscan";
    /**
     * Marks rows sent without waiting for the commit's flush to disk ({@code synchronous_commit} off for this
     * transaction only): a mark lost in a crash only sends the rows again, which the consumers' inbox absorbs, as for
     * a crash between acknowledgement and mark. The relay's marks no longer queue for an fsync beside the service's
     * own commits.
     */
    static final String MARK_SENT = """
            with no_flush_wait as materialized (select set_config('synchronous_commit', 'off', true))
            update kit_outbox set sent_at = now() from no_flush_wait where id = any(?)""";
    private static final String REFUSED = """
            update kit_outbox set attempts = attempts + 1, last_error = ?,
                   parked_at = case when attempts + 1 >= ? then now() end
            where id = ? and sent_at is null and parked_at is null
            returning attempts, parked_at is not null""";

    private final AgroalDataSource dataSource;
    private final KitConfig config;
    private final KafkaClients kafka;
    private final Counter sentEvents;
    private final Counter refusals;
    private final Semaphore wakeUps = new Semaphore(0);
    private final FailureLog failures = new FailureLog();
    /** Refused rows not due for another try yet: id → System.nanoTime() when they are. Relay thread only. */
    private final Map<Long, Long> refusedUntil = new HashMap<>();

    private volatile boolean running;
    /** System.nanoTime() of the last successful round or batch. */
    private volatile long lastProgress = System.nanoTime();
    private Thread worker;
    /**
     * The relay's own database session while this instance holds the relay lock: kept from round to round (a round is
     * its query and its marks, no lock and unlock each time), given up after a failed round and at stop, so that
     * another instance can take over.
     */
    private volatile Connection leaderSession;
    private Producer<String, String> producer;
    private TopicCheck topics;

    OutboxRelay(AgroalDataSource dataSource, KitConfig config, KafkaClients kafka, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafka = kafka;
        this.sentEvents = Counter.builder("ordercycle.outbox.sent")
                .description("Outbox events acknowledged by the broker")
                .register(metrics);
        this.refusals = Counter.builder("ordercycle.outbox.refusals")
                .description("Times the broker refused an outbox event for good (it is parked after a few)")
                .register(metrics);
    }

    void onStart(@Observes StartupEvent startup) {
        if (config.outbox().relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        lastProgress = System.nanoTime();
        worker = new Thread(this::relayUntilStopped, config.service() + "-outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops relaying after the current round; unsent rows stay in the outbox for the next start. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            worker.join(config.outbox().deliveryTimeout().plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Whether the relay's thread is alive; it ends only after {@link #stop()}. */
    public synchronized boolean isAlive() {
        return worker != null && worker.isAlive();
    }

    /** Time since the last successful round (or batch of a long round), or since the start. */
    public Duration sinceLastSuccess() {
        return Duration.ofNanos(System.nanoTime() - lastProgress);
    }

    /** The failure of the current run of failed rounds, or null while rounds succeed. */
    public String currentFailure() {
        return failures.currentFailure();
    }

    /** Asks for a round now: a transaction that published has just committed. */
    public void wake() {
        wakeUps.release();
    }

    private void relayUntilStopped() {
        Duration backoff = config.outbox().initialBackoff();
        while (running) {
            try {
                relayBacklog();
                failures.succeeded();
                backoff = config.outbox().initialBackoff();
                awaitWakeUp(config.outbox().pollInterval());
            } catch (Throwable failure) { // everything, see the class comment
                backoff = afterFailure(failure, backoff);
            }
        }
        try {
            stepDown();
            closeClients();
        } catch (Throwable whileStopping) {
            LOG.debugf("Outbox relay stopped uncleanly: %s", whileStopping);
        }
    }

    private Duration afterFailure(Throwable failure, Duration backoff) {
        try {
            // A fresh producer after a failure: nothing of the failed session is retried behind our back. A fresh
            // database session too: the lock is given up, so another instance may relay while this one backs off.
            stepDown();
            closeClients();
            failures.failed(failure, backoff);
        } catch (Throwable whileHandling) { // e.g. no memory left to log: the pause and the next round still come
            // The session stays referenced (never dropped unclosed: a lost pooled connection would keep the lock);
            // if it is broken, the next round fails and gives it up again.
            producer = null;
            topics = null;
        }
        pause(backoff);
        return min(backoff.multipliedBy(2), config.outbox().maxBackoff());
    }

    /** Sends unsent rows until none is left, unless another instance holds the relay lock. */
    private void relayBacklog() throws SQLException, RelayFailure {
        Connection connection = leaderSession();
        if (connection == null) {
            // Another instance relays; its own health check reports whether it succeeds.
            lastProgress = System.nanoTime();
            return;
        }
        long now = System.nanoTime();
        refusedUntil.values().removeIf(due -> due - now <= 0);
        int batchSize = config.outbox().batchSize();
        Round round = new Round();
        long after = 0;
        List<OutboxRecord> batch;
        do {
            batch = unsent(connection, after, batchSize);
            if (batch.isEmpty()) {
                break;
            }
            after = batch.get(batch.size() - 1).id();
            sendInKeyOrder(batch, round);
            markSent(connection, round.acknowledged);
            recordRefusals(connection, round.refused);
            if (round.failure != null) {
                throw round.failure;
            }
            round.acknowledged.clear();
            round.refused.clear();
            lastProgress = System.nanoTime();
        } while (running && batch.size() == batchSize);
        lastProgress = System.nanoTime();
    }

    /**
     * The session that holds the relay lock, taken now if no instance holds it; null while another instance does.
     * Session advisory locks end with their session: an instance that dies or loses its connection frees the lock.
     */
    private Connection leaderSession() throws SQLException {
        if (leaderSession != null) {
            return leaderSession;
        }
        Connection connection = dataSource.getConnection();
        boolean leader = false;
        try {
            leader = advisoryLock(connection, "pg_try_advisory_lock");
            if (leader) {
                leaderSession = connection; // from here on stepDown() unlocks, resets and gives it back
                execute(connection, INDEX_ORDER);
            }
        } finally {
            if (!leader) {
                connection.close();
            }
        }
        return connection;
    }

    /**
     * Gives up the relay lock and the session. A session whose unlock or reset fails is discarded rather than pooled,
     * so that no pooled connection keeps the lock (the lock ends with the server session) or the relay's setting.
     */
    private void stepDown() {
        Connection session = leaderSession;
        leaderSession = null;
        if (session == null) {
            return;
        }
        try {
            advisoryLock(session, "pg_advisory_unlock");
            execute(session, INDEX_ORDER_RESET);
        } catch (Throwable unlockFailed) {
            try {
                session.abort(Runnable::run);
            } catch (Throwable ignored) { // the pool discards it either way
            }
        }
        try {
            session.close();
        } catch (Throwable ignored) { // discarded by the pool
        }
    }

    /** Whether this instance holds the relay lock now (for tests). */
    boolean isLeader() {
        return leaderSession != null;
    }

    /**
     * Sends the batch in waves: each wave holds the next row of every (topic, key) whose rows so far were all
     * acknowledged, so a row never overtakes an earlier row of its key that failed.
     */
    private void sendInKeyOrder(List<OutboxRecord> batch, Round round) {
        List<OutboxRecord> waiting = batch;
        while (!waiting.isEmpty() && round.failure == null) {
            List<OutboxRecord> wave = new ArrayList<>();
            List<OutboxRecord> later = new ArrayList<>();
            Set<TopicKey> inWave = new HashSet<>();
            for (OutboxRecord row : waiting) {
                if (round.holds(row)) {
                    continue;
                }
                Long due = refusedUntil.get(row.id());
                if (due != null && due - System.nanoTime() > 0) {
                    round.hold(row); // refused lately: its key waits for its next try
                    continue;
                }
                (inWave.add(TopicKey.of(row)) ? wave : later).add(row);
            }
            sendWave(wave, round);
            waiting = later;
        }
    }

    /** Sends the rows and waits for the broker's answer to each. */
    private void sendWave(List<OutboxRecord> wave, Round round) {
        if (wave.isEmpty()) {
            return;
        }
        Producer<String, String> broker = producer();
        List<OutboxRecord> sent = new ArrayList<>(wave.size());
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(wave.size());
        for (OutboxRecord row : wave) {
            if (round.failure != null) {
                break;
            }
            if (round.holds(row)) {
                continue; // its topic turned out to be missing a moment ago
            }
            Future<RecordMetadata> acknowledgement;
            try {
                acknowledgement = broker.send(row.toProducerRecord(config.service()));
            } catch (RuntimeException e) { // the producer's trouble, not the record's (closed, interrupted)
                round.fail(row, e);
                break;
            }
            if (acknowledgement.isDone() && failureOf(acknowledgement) instanceof TimeoutException timeout) {
                topicUnavailable(row, timeout, round);
                continue;
            }
            sent.add(row);
            acknowledgements.add(acknowledgement);
        }
        broker.flush(); // no linger: the next wave waits for this one
        int acknowledged = 0;
        for (int i = 0; i < sent.size(); i++) {
            OutboxRecord row = sent.get(i);
            Throwable failure = failureOf(acknowledgements.get(i));
            if (failure == null) {
                round.acknowledged.add(row);
                acknowledged++;
            } else if (Refusals.isPermanent(failure)) {
                round.refuse(row, Refusals.describe(failure));
            } else {
                round.fail(row, failure);
            }
        }
        sentEvents.increment(acknowledged);
    }

    /**
     * The producer got no metadata for the row's topic in time: a refusal if the broker says the topic does not
     * exist (the row's fault; its topic waits until the next round), a failed round if the broker does not answer.
     */
    private void topicUnavailable(OutboxRecord row, TimeoutException timeout, Round round) {
        if (topics().topic(row.topic()) == TopicCheck.Answer.MISSING) {
            round.refuse(row, "topic " + row.topic() + " does not exist (" + timeout.getMessage() + ")");
            round.heldTopics.add(row.topic());
        } else {
            round.fail(row, timeout);
        }
    }

    private static Throwable failureOf(Future<RecordMetadata> acknowledgement) {
        try {
            acknowledgement.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** Counts each refusal on its row, parks the row after the configured number, schedules its next try. */
    private void recordRefusals(Connection connection, List<Refusal> refused) throws SQLException {
        int parkAfter = config.outbox().parkAfterAttempts();
        for (Refusal refusal : refused) {
            OutboxRecord row = refusal.row();
            try (PreparedStatement update = connection.prepareStatement(REFUSED)) {
                update.setQueryTimeout(queryTimeoutSeconds());
                update.setString(1, refusal.reason());
                update.setInt(2, parkAfter);
                update.setLong(3, row.id());
                try (ResultSet result = update.executeQuery()) {
                    if (!result.next()) {
                        continue; // sent or parked meanwhile
                    }
                    refusals.increment();
                    int attempts = result.getInt(1);
                    if (result.getBoolean(2)) {
                        refusedUntil.remove(row.id());
                        LOG.warnf("Outbox event %d (%s %s on %s, key %s) parked after %d refusals: %s. Later events of"
                                + " its key wait behind it; once the cause is fixed, POST /admin/outbox/parked/%d/retry",
                                row.id(), row.type(), row.eventId(), row.topic(), row.key(), attempts, refusal.reason(),
                                row.id());
                    } else {
                        Duration retryIn = refusalBackoff(attempts);
                        refusedUntil.put(row.id(), System.nanoTime() + retryIn.toNanos());
                        if (attempts == 1) {
                            LOG.warnf("Broker refused outbox event %d (%s on %s, key %s), trying again in %s, parking it"
                                    + " after %d refusals: %s", row.id(), row.type(), row.topic(), row.key(), retryIn,
                                    parkAfter, refusal.reason());
                        }
                    }
                }
            }
        }
    }

    private Duration refusalBackoff(int attempts) {
        Duration backoff = config.outbox().initialBackoff();
        for (int i = 1; i < attempts && backoff.compareTo(config.outbox().maxBackoff()) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return min(backoff, config.outbox().maxBackoff());
    }

    private boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setQueryTimeout(queryTimeoutSeconds());
            statement.setLong(1, RELAY_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(queryTimeoutSeconds());
            statement.execute(sql);
        }
    }

    private List<OutboxRecord> unsent(Connection connection, long after, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(UNSENT)) {
            query.setQueryTimeout(queryTimeoutSeconds());
            query.setLong(1, after);
            query.setInt(2, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<OutboxRecord> records = new ArrayList<>(limit);
                while (rows.next()) {
                    records.add(OutboxRecord.read(rows));
                }
                return records;
            }
        }
    }

    private void markSent(Connection connection, List<OutboxRecord> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Long[] ids = rows.stream().map(OutboxRecord::id).toArray(Long[]::new);
        try (PreparedStatement update = connection.prepareStatement(MARK_SENT)) {
            update.setQueryTimeout(queryTimeoutSeconds());
            Array idArray = connection.createArrayOf("bigint", ids);
            update.setArray(1, idArray);
            update.executeUpdate();
        }
        for (Long id : ids) {
            refusedUntil.remove(id);
        }
    }

    /** A query that hangs (a lock, a dead connection) fails the round instead of stalling the relay for good. */
    private int queryTimeoutSeconds() {
        return (int) Math.max(1, config.outbox().livenessTimeout().toSeconds());
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig());
        }
        return producer;
    }

    private TopicCheck topics() {
        if (topics == null) {
            topics = new TopicCheck(kafka, maxBlock());
        }
        return topics;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> producerConfig = kafka.config("outbox-relay");
        long deliveryTimeout = config.outbox().deliveryTimeout().toMillis();
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.outbox().maxRequestSize());
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (deliveryTimeout / 2));
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock().toMillis());
        return producerConfig;
    }

    private Duration maxBlock() {
        return config.outbox().deliveryTimeout().dividedBy(2);
    }

    private void closeClients() {
        Producer<String, String> closing = producer;
        producer = null;
        if (closing != null) {
            closing.close(Duration.ZERO);
        }
        TopicCheck closingCheck = topics;
        topics = null;
        if (closingCheck != null) {
            closingCheck.close();
        }
    }

    private void awaitWakeUp(Duration timeout) {
        try {
            if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Waits out a back-off; commits do not cut it short, a stop does. */
    private void pause(Duration backoff) {
        long until = System.nanoTime() + backoff.toNanos();
        try {
            while (running && System.nanoTime() < until) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        wakeUps.drainPermits();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The events of one key on one topic: the unit of order. */
    private record TopicKey(String topic, String key) {
        static TopicKey of(OutboxRecord row) {
            return new TopicKey(row.topic(), row.key());
        }
    }

    private record Refusal(OutboxRecord row, String reason) {
    }

    /** What one round has learnt so far: which keys must wait, what was acknowledged or refused, what failed. */
    private static final class Round {
        final Set<TopicKey> heldKeys = new HashSet<>();
        final Set<String> heldTopics = new HashSet<>();
        final List<OutboxRecord> acknowledged = new ArrayList<>();
        final List<Refusal> refused = new ArrayList<>();
        RelayFailure failure;

        boolean holds(OutboxRecord row) {
            return heldTopics.contains(row.topic()) || heldKeys.contains(TopicKey.of(row));
        }

        void hold(OutboxRecord row) {
            heldKeys.add(TopicKey.of(row));
        }

        void refuse(OutboxRecord row, String reason) {
            hold(row);
            refused.add(new Refusal(row, reason));
        }

        void fail(OutboxRecord row, Throwable cause) {
            hold(row);
            if (failure == null) {
                failure = new RelayFailure("outbox event " + row.id() + " not acknowledged by the broker: "
                        + Refusals.describe(cause), cause);
            }
        }
    }
}
