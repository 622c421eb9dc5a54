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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.ordercycle.kit.KafkaClients;
import org.ordercycle.kit.KitConfig;

/**
 * Sends committed outbox rows to Kafka, oldest first, and marks a row sent only after the broker acknowledged it.
 *
 * <p>One relay per service database is active at a time: the one holding a PostgreSQL advisory lock. That keeps
 * the rows of one key in order across replicas, without holding any row lock while waiting for the broker. If the
 * broker does not answer, the relay backs off and tries the same rows again; a row acknowledged but not yet marked
 * (a crash in between) is sent twice, which the consumers' inbox absorbs.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Advisory lock id of the relay; each service has its own database, so one constant suffices. */
    static final long RELAY_LOCK = 0x4f43_4f55_5442_4f58L;

    private static final String UNSENT = "select " + OutboxRecord.COLUMNS
            + " from kit_outbox where sent_at is null order by id limit ?";
    private static final String MARK_SENT = "update kit_outbox set sent_at = now() where id = any(?)";

    private final AgroalDataSource dataSource;
    private final KitConfig config;
    private final KafkaClients kafka;
    private final Counter sentEvents;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;
    private Thread worker;
    private Producer<String, String> producer;

    OutboxRelay(AgroalDataSource dataSource, KitConfig config, KafkaClients kafka, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafka = kafka;
        this.sentEvents = Counter.builder("ordercycle.outbox.sent")
                .description("Outbox events acknowledged by the broker")
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

    /** Asks for a round now: a transaction that published has just committed. */
    public void wake() {
        wakeUps.release();
    }

    private void relayUntilStopped() {
        Duration backoff = config.outbox().initialBackoff();
        while (running) {
            try {
                relayBacklog();
                backoff = config.outbox().initialBackoff();
                awaitWakeUp(config.outbox().pollInterval());
            } catch (SQLException | RelayFailure e) {
                LOG.warnf("Outbox relay round failed, trying again in %s: %s", backoff, e.getMessage());
                pause(backoff);
                backoff = min(backoff.multipliedBy(2), config.outbox().maxBackoff());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Outbox relay round failed unexpectedly, trying again in %s", backoff);
                pause(backoff);
                backoff = min(backoff.multipliedBy(2), config.outbox().maxBackoff());
            }
        }
        closeProducer();
    }

    /** Sends unsent rows until none is left, unless another instance holds the relay lock. */
    private void relayBacklog() throws SQLException, RelayFailure {
        try (Connection connection = dataSource.getConnection()) {
            if (!advisoryLock(connection, "pg_try_advisory_lock")) {
                return;
            }
            try {
                int batchSize = config.outbox().batchSize();
                List<OutboxRecord> batch;
                do {
                    batch = unsent(connection, batchSize);
                    int acknowledged = send(batch);
                    markSent(connection, batch.subList(0, acknowledged));
                    if (acknowledged < batch.size()) {
                        throw new RelayFailure(batch.size() - acknowledged + " events not acknowledged by the broker");
                    }
                } while (running && batch.size() == batchSize);
            } finally {
                advisoryLock(connection, "pg_advisory_unlock");
            }
        }
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, RELAY_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static List<OutboxRecord> unsent(Connection connection, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(UNSENT)) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<OutboxRecord> records = new ArrayList<>(limit);
                while (rows.next()) {
                    records.add(OutboxRecord.read(rows));
                }
                return records;
            }
        }
    }

    /**
     * Sends the batch and waits for the broker; returns how many rows, from the first, were acknowledged. Rows after
     * the first failure count as unsent even if acknowledged, so a key's events are never marked out of order.
     */
    private int send(List<OutboxRecord> batch) throws RelayFailure {
        if (batch.isEmpty()) {
            return 0;
        }
        Producer<String, String> broker = producer();
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(batch.size());
        try {
            for (OutboxRecord row : batch) {
                acknowledgements.add(broker.send(row.toProducerRecord(config.service())));
            }
        } catch (KafkaException e) {
            LOG.warnf("Broker refused an outbox event: %s", e.getMessage());
        }
        int acknowledged = 0;
        try {
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get();
                acknowledged++;
            }
        } catch (ExecutionException e) {
            LOG.warnf("Broker did not acknowledge outbox event %d: %s", batch.get(acknowledged).id(),
                    e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayFailure("interrupted while waiting for the broker");
        } finally {
            if (acknowledged < batch.size()) {
                // A fresh producer after a failure: nothing of the failed session is retried behind our back.
                closeProducer();
            }
        }
        sentEvents.increment(acknowledged);
        return acknowledged;
    }

    private static void markSent(Connection connection, List<OutboxRecord> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Long[] ids = rows.stream().map(OutboxRecord::id).toArray(Long[]::new);
        try (PreparedStatement update = connection.prepareStatement(MARK_SENT)) {
            Array idArray = connection.createArrayOf("bigint", ids);
            update.setArray(1, idArray);
            update.executeUpdate();
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig());
        }
        return producer;
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
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (deliveryTimeout / 2));
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryTimeout / 2);
        return producerConfig;
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
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

    /** A round that must be tried again later. */
    private static final class RelayFailure extends Exception {
        RelayFailure(String message) {
            super(message);
        }
    }
}
