package org.ordercycle.production.benchmark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ordercycle.events.EventCatalog;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.Money;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.production.ProductionTestResource;
import org.ordercycle.testinfra.TestInfra;

/**
 * Reservation throughput and lag: {@code OrderAccepted} produced onto {@code sales.orders} → its {@code StockReserved}
 * committed (the outbox row is visible), over {@code benchmark.skus} (1,000) products with stock, on durable PostgreSQL
 * (fsync, synchronous_commit, full_page_writes on). Not part of the build (it needs {@code -Dbenchmark=true}):
 *
 * <pre>
 * ./mvnw -B verify -pl production-service -am -Dtest=ReservationBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * For each rate in {@code benchmark.rates} (orders/s, default 250,500,1000,2000) it produces orders at that pace for
 * {@code benchmark.seconds} (10) and prints the rate achieved (orders reserved per second of the run) and the lag
 * p50/p99/max; then it drains a backlog of {@code benchmark.backlog} (10,000) orders produced at once and prints the
 * sustained rate. Before them it warms up at {@code benchmark.warmup.rate} (500/s) for {@code benchmark.warmup.seconds}
 * (20), and on in rounds of 10 s until the JIT compilers are done (less than 5 % of a round spent compiling), at most
 * {@code benchmark.warmup.max-seconds} (120) in all. The lag is measured by a watcher that looks at the outbox every
 * ~2 ms, so it is a few milliseconds pessimistic.
 *
 * <p>After each paced run it prints where the time went ({@link StallDiagnostics}): the lag split into "sent → its
 * transaction began" and "transaction → committed", the 20 slowest orders with their times, what happened meanwhile
 * (PostgreSQL's slow statements, checkpoints and autovacuum; GC pauses of the broker and of this JVM; this JVM's
 * hiccups), the CPU each process used, and the state of the outbox table.
 */
@QuarkusTest
@WithTestResource(ProductionTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ReservationBenchmark {

    private static final int SKUS = Integer.getInteger("benchmark.skus", 1_000);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 10);
    private static final int BACKLOG = Integer.getInteger("benchmark.backlog", 10_000);
    private static final int[] RATES = Arrays.stream(System.getProperty("benchmark.rates", "250,500,1000,2000")
            .split(",")).mapToInt(Integer::parseInt).toArray();

    private static final int WARM_UP_RATE = Integer.getInteger("benchmark.warmup.rate", 500);
    private static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.warmup.seconds", 20);
    private static final int WARM_UP_ROUND_SECONDS = 10;
    private static final int WARM_UP_MAX_SECONDS = Integer.getInteger("benchmark.warmup.max-seconds", 120);
    private static final double WARM_UP_COMPILING = 0.05;
    private static final Set<String> RESERVATIONS = Set.of("StockReserved", "OrderBackordered");
    private static final long GAP_GIVEN_UP_NANOS = 20_000_000_000L;

    @Inject
    AgroalDataSource dataSource;

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> reservedAt = new ConcurrentHashMap<>();
    /** When the transaction that reserved the order began (its outbox row's created_at), on the nanoTime axis. */
    private final Map<String, Long> transactionAt = new ConcurrentHashMap<>();
    private final StallDiagnostics diagnostics = new StallDiagnostics();
    private volatile boolean watching;
    private long watchedUpTo;

    @Test
    void orderAcceptedToStockReservedCommitted() throws Exception {
        List<String> skus = products();
        TestInfra.postgres().setDurable(true);
        Thread watcher = new Thread(this::watch, "reservation-watcher");
        watching = true;
        watchedUpTo = maxOutboxId();
        watcher.start();
        try (KafkaProducer<String, String> producer = producer()) {
            // Warm-up: connections, fetch sessions, and the JIT. A stream's polls are small, so the code that runs once
            // per poll (queries, flushes, the commit) runs far less often than the code per order: it takes thousands
            // of small polls before it is compiled.
            warmUp(producer, skus);
            diagnostics.start();
            System.out.printf("%n=== Reservation benchmark (%d cores, %d SKUs, durable PostgreSQL) ===%n",
                    Runtime.getRuntime().availableProcessors(), skus.size());
            for (int rate : RATES) {
                run(producer, skus, rate, SECONDS, true);
            }
            backlog(producer, skus);
        } finally {
            watching = false;
            watcher.join();
            diagnostics.stop();
            TestInfra.postgres().setDurable(false);
        }
    }

    /**
     * Runs at the warm-up rate for the warm-up seconds, then on in rounds of {@link #WARM_UP_ROUND_SECONDS} until the
     * JIT compilers spent less than {@link #WARM_UP_COMPILING} of a round's time compiling (or the warm-up took
     * {@link #WARM_UP_MAX_SECONDS}): on two cores a compiler thread still busy takes a quarter of the machine from the
     * run it measures (20 s at 500/s left C2 compiling the consumer's, Hibernate's and Kafka's code for another 40 s).
     */
    private void warmUp(KafkaProducer<String, String> producer, List<String> skus) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long started = System.nanoTime();
        int seconds = WARM_UP_SECONDS;
        int orders = 0;
        while (true) {
            long compiledBefore = jit.getTotalCompilationTime();
            long roundStart = System.nanoTime();
            run(producer, skus, WARM_UP_RATE, seconds, false);
            orders += WARM_UP_RATE * seconds;
            double compiling = (jit.getTotalCompilationTime() - compiledBefore) / ((System.nanoTime() - roundStart) / 1e6);
            long total = (System.nanoTime() - started) / 1_000_000_000L;
            System.out.printf("warm-up: %,d orders at %,d/s in %d s; JIT compiling %.0f %% of the last round%n", orders,
                    WARM_UP_RATE, total, compiling * 100);
            if (compiling < WARM_UP_COMPILING || total + WARM_UP_ROUND_SECONDS > WARM_UP_MAX_SECONDS) {
                return;
            }
            seconds = WARM_UP_ROUND_SECONDS;
        }
    }

    /** Produces orders at the rate for the seconds, waits until all are reserved, prints what it measured. */
    private void run(KafkaProducer<String, String> producer, List<String> skus, int rate, int seconds, boolean print)
            throws Exception {
        List<String> ids = new ArrayList<>();
        Random random = new Random(rate);
        if (print) {
            System.out.printf("(run at %,d/s begins %s)%n", rate, Instant.now());
            diagnostics.runBegins();
        }
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            ids.add(send(producer, skus.get(random.nextInt(skus.size()))));
        }
        producer.flush();
        long end = awaitReserved(ids);
        if (print) {
            report("paced at " + rate + "/s for " + seconds + " s", ids, start, end);
            diagnostics.report(ids, start, end, sentAt, reservedAt, transactionAt);
            StallDiagnostics.printOutbox(dataSource);
        }
    }

    private void backlog(KafkaProducer<String, String> producer, List<String> skus) throws Exception {
        List<String> ids = new ArrayList<>();
        Random random = new Random(42);
        long start = System.nanoTime();
        for (int i = 0; i < BACKLOG; i++) {
            ids.add(send(producer, skus.get(random.nextInt(skus.size()))));
        }
        producer.flush();
        long end = awaitReserved(ids);
        report("backlog of " + BACKLOG + " produced at once", ids, start, end);
    }

    private void report(String run, List<String> ids, long start, long end) {
        long[] lags = ids.stream().mapToLong(id -> reservedAt.get(id) - sentAt.get(id)).sorted().toArray();
        System.out.printf("%-40s %,7d orders  %,8.0f orders/s reserved  lag p50 %,6.0f ms  p99 %,6.0f ms  max %,6.0f ms%n",
                run, ids.size(), ids.size() / ((end - start) / 1e9), lags[lags.length / 2] / 1e6,
                lags[(int) Math.min(lags.length - 1, Math.ceil(lags.length * 0.99) - 1)] / 1e6,
                lags[lags.length - 1] / 1e6);
    }

    private String send(KafkaProducer<String, String> producer, String sku) throws Exception {
        OrderAccepted order = new OrderAccepted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                List.of(new OrderLine(1, sku, BigDecimal.ONE, new Money(BigDecimal.TEN, "EUR"), BigDecimal.ZERO,
                        new BigDecimal("19"), null)),
                "EUR", 50, LocalDate.now().plusDays(7), "selection-policy", true, null, null, null);
        String key = order.orderId().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>("sales.orders", key,
                EventJson.mapper().writeValueAsString(order));
        Map.of("ce_type", EventCatalog.of(OrderAccepted.class).name(), "ce_id", order.eventId().toString(),
                "ce_subject", key, "ce_specversion", "1.0", "ce_source", "benchmark")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(UTF_8)));
        sentAt.put(key, System.nanoTime());
        producer.send(record);
        return key;
    }

    private long awaitReserved(List<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (!ids.stream().allMatch(reservedAt::containsKey)) {
            assertThat(System.nanoTime()).as("all orders reserved within 10 minutes").isLessThan(deadline);
            Thread.sleep(5);
        }
        return ids.stream().mapToLong(reservedAt::get).max().orElseThrow();
    }

    /**
     * Notes the moment each order's reservation snapshot becomes visible. Identity values are taken at insert, not at
     * commit, so a transaction that commits late leaves ids below rows already seen: the watcher reads the rows above
     * the highest id it has seen, and asks for the ids missing below it by name, until they come or for
     * {@link #GAP_GIVEN_UP_NANOS} (a rolled-back transaction's ids never come: a conflict retried by the kit).
     *
     * <p>Its look must stay cheap, or the measurement takes the machine it measures: it once read every row above the
     * oldest open gap, 2 ms after 2 ms, and with kit_outbox never analysed by autovacuum its times fitted a
     * sequential scan of the whole outbox (20–340 ms each, up to half of one of the two cores; 7 December, 18:30 UTC).
     * Now it reads by the primary key only (its session forbids sequential scans and sorts: its own plan, not the
     * service's), and a gap costs a lookup of its missing ids.
     */
    private void watch() {
        try (Connection connection = dataSource.getConnection();
                Statement settings = connection.createStatement();
                PreparedStatement above = connection.prepareStatement(
                        "select id, event_type, event_key, created_at from kit_outbox where id > ? order by id");
                PreparedStatement missing = connection.prepareStatement(
                        "select id, event_type, event_key, created_at from kit_outbox where id = any(?)")) {
            settings.execute("set enable_seqscan = off");
            settings.execute("set enable_sort = off");
            settings.execute("set enable_bitmapscan = off");
            long maxSeen = watchedUpTo;
            Map<Long, Long> gaps = new java.util.HashMap<>(); // missing id → when it was first missed
            while (watching) {
                long now = System.nanoTime();
                if (!gaps.isEmpty()) {
                    missing.setArray(1, connection.createArrayOf("bigint", gaps.keySet().toArray()));
                    try (ResultSet rows = missing.executeQuery()) {
                        while (rows.next()) {
                            gaps.remove(rows.getLong(1));
                            seen(rows, now);
                        }
                    }
                    gaps.values().removeIf(since -> now - since > GAP_GIVEN_UP_NANOS);
                }
                above.setLong(1, maxSeen);
                try (ResultSet rows = above.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        for (long gap = maxSeen + 1; gap < id && id - maxSeen < 100_000; gap++) {
                            gaps.put(gap, now);
                        }
                        maxSeen = id;
                        seen(rows, now);
                    }
                }
                Thread.sleep(2);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void seen(ResultSet row, long now) throws java.sql.SQLException {
        if (RESERVATIONS.contains(row.getString(2))) {
            reservedAt.putIfAbsent(row.getString(3), now);
            transactionAt.putIfAbsent(row.getString(3), diagnostics.nanoTimeOf(row.getTimestamp(4).toInstant()));
        }
    }

    private long maxOutboxId() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select coalesce(max(id), 0) from kit_outbox")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** SKUS products with plenty on hand in MAIN, their ledger opened, in one transaction. */
    private List<String> products() throws Exception {
        String prefix = "B-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into product (sku, name, unit_cost, currency, lead_time_days, changed_at) "
                    + "select '" + prefix + "' || n, 'Benchmark ' || n, 10, 'EUR', 5, now() from generate_series(1, "
                    + SKUS + ") n");
            statement.execute("insert into stock (sku, warehouse, on_hand, reserved) select '" + prefix
                    + "' || n, 'MAIN', 1000000, 0 from generate_series(1, " + SKUS + ") n");
            statement.execute("insert into stock_movement (sku, warehouse, kind, on_hand_change, reserved_change, "
                    + "moved_at, reason) select '" + prefix + "' || n, 'MAIN', 'RECEIPT', 1000000, 0, now(), "
                    + "'benchmark stock' from generate_series(1, " + SKUS + ") n");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        List<String> skus = new ArrayList<>();
        for (int n = 1; n <= SKUS; n++) {
            skus.add(prefix + n);
        }
        return skus;
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, 1));
    }
}
