package org.ordercycle.sales.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordercycle.sales.ContactEvents.knownCustomer;
import static org.ordercycle.sales.ProductionEvents.announce;
import static org.ordercycle.sales.ProductionEvents.chf;
import static org.ordercycle.sales.SalesApi.newSku;
import static org.ordercycle.sales.SalesApi.priced;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ordercycle.sales.ContactEvents.Profile;
import org.ordercycle.sales.SalesApi;
import org.ordercycle.sales.SalesTestResource;
import org.ordercycle.testinfra.TestInfra;

/**
 * Orders placed per second through {@code POST /orders} (pricing, credit check, selection policy, two events
 * through the outbox) beside the minimal reference ({@code POST /benchmark/reference}: one row, one record through
 * the same outbox), side by side in one run on the same PostgreSQL (durable settings) and broker, in the same
 * Quarkus runtime. Not part of the build (a measurement, not a timed test):
 *
 * <pre>
 * ./mvnw -B verify -pl sales-service -am -Dtest=OrderPlacementBenchmark -Dbenchmark=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * {@code -Dbenchmark.clients=16}, {@code -Dbenchmark.seconds=15} and {@code -Dbenchmark.warmup=15} change the load,
 * each measured run's length and each endpoint's warm-up.
 */
@QuarkusTest
@WithTestResource(SalesTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class OrderPlacementBenchmark {

    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 16);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 15);
    /**
     * Each endpoint's warm-up before the measured runs. With 5 s the first measured run (the reference's) still ran
     * on a half-compiled JVM: its rate was 40-60 % of the same endpoint's last run, and the ratio moved with it.
     */
    private static final int WARMUP_SECONDS = Integer.getInteger("benchmark.warmup", 15);

    @TestHTTPResource("/")
    URL base;

    @Test
    void ordersPerSecondBesideTheMinimalReference() throws Exception {
        String sku = newSku("BENCH");
        priced(sku, "10.00", "CHF", "19");
        announce(sku, "1000000000", 1, "0", chf("4.00"));
        UUID customer = knownCustomer(Profile.external());
        String order = "{\"customerId\": \"" + customer + "\", \"lines\": [{\"sku\": \"" + sku
                + "\", \"quantity\": 1}]}";
        String reference = "{\"customerId\": \"" + customer + "\", \"sku\": \"" + sku + "\", \"quantity\": 1}";

        TestInfra.postgres().setDurable(true);
        try {
            run("/benchmark/reference", reference, WARMUP_SECONDS); // warm-up: JIT, connections, producer
            run("/orders", order, WARMUP_SECONDS);
            Run reference1 = run("/benchmark/reference", reference, SECONDS);
            Run orders1 = run("/orders", order, SECONDS);
            Run orders2 = run("/orders", order, SECONDS);
            Run reference2 = run("/benchmark/reference", reference, SECONDS);
            double referenceRate = (reference1.rate() + reference2.rate()) / 2;
            double orderRate = (orders1.rate() + orders2.rate()) / 2;
            System.out.printf("%n=== Order placement benchmark (%d cores, %d clients, %d s per run, durable "
                    + "PostgreSQL) ===%n", Runtime.getRuntime().availableProcessors(), CLIENTS, SECONDS);
            System.out.printf("reference (one row, one record):           %,8.1f requests/s (%,.1f and %,.1f)%n",
                    referenceRate, reference1.rate(), reference2.rate());
            System.out.printf("POST /orders (pricing, policy, 2 records):  %,8.1f orders/s   (%,.1f and %,.1f)%n",
                    orderRate, orders1.rate(), orders2.rate());
            System.out.printf("ratio: %.0f %% of the reference%n", 100 * orderRate / referenceRate);
            System.out.println("Where the time goes, per request (CPU in ms: this JVM = service + load clients; "
                    + "PostgreSQL = its server's processes; machine = all cores busy; database work from "
                    + "pg_stat_user_tables / pg_stat_database):");
            for (Run run : List.of(reference1, orders1, orders2, reference2)) {
                System.out.println("  " + run);
            }
            System.out.println();
            assertThat(orderRate).isPositive();
        } finally {
            TestInfra.postgres().setDurable(false);
        }
    }

    /** One measured run: its rate and what each request cost the machine and the database. */
    record Run(String path, long created, double seconds, Usage used, String started, String ended) {

        double rate() {
            return created / seconds;
        }

        @Override
        public String toString() {
            double n = Math.max(created, 1);
            return String.format("%-22s %,7.1f/s [%s..%s] cpu ms/request: jvm %.2f, postgres %.2f, machine %.2f "
                    + "(machine busy %.0f %% of %d cores); per request: %.2f rows inserted, %.2f updated, "
                    + "%.2f index scans, %.2f seq scans, %.2f commits", path, rate(), started, ended,
                    used.jvmCpuNanos() / n / 1e6, used.postgresCpuNanos() / n / 1e6, used.machineCpuNanos() / n / 1e6,
                    100.0 * used.machineCpuNanos() / (seconds * 1e9 * CORES), CORES, used.inserted() / n,
                    used.updated() / n, used.indexScans() / n, used.seqScans() / n, used.commits() / n);
        }
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** Counters read before and after a run; their difference is what the run used. */
    record Usage(long jvmCpuNanos, long postgresCpuNanos, long machineCpuNanos, long inserted, long updated,
            long indexScans, long seqScans, long commits) {

        Usage minus(Usage before) {
            return new Usage(jvmCpuNanos - before.jvmCpuNanos, postgresCpuNanos - before.postgresCpuNanos,
                    machineCpuNanos - before.machineCpuNanos, inserted - before.inserted, updated - before.updated,
                    indexScans - before.indexScans, seqScans - before.seqScans, commits - before.commits);
        }

        static Usage now() throws Exception {
            long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
            long machine = machineBusyNanos();
            try (java.sql.Connection db = TestInfra.postgres().connectAsSuperuser("sales");
                    java.sql.Statement statement = db.createStatement()) {
                long postgres;
                try (java.sql.ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
                    pid.next();
                    ProcessHandle postmaster = ProcessHandle.of(pid.getLong(1)).flatMap(ProcessHandle::parent)
                            .orElseThrow();
                    postgres = java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster),
                            postmaster.descendants()).mapToLong(process -> process.info().totalCpuDuration()
                                    .map(Duration::toNanos).orElse(0L)).sum();
                }
                try (java.sql.ResultSet tables = statement.executeQuery("select coalesce(sum(n_tup_ins), 0), "
                        + "coalesce(sum(n_tup_upd), 0), coalesce(sum(idx_scan), 0), coalesce(sum(seq_scan), 0), "
                        + "(select xact_commit from pg_stat_database where datname = current_database()) "
                        + "from pg_stat_user_tables")) {
                    tables.next();
                    return new Usage(jvm, postgres, machine, tables.getLong(1), tables.getLong(2), tables.getLong(3),
                            tables.getLong(4), tables.getLong(5));
                }
            }
        }

        /** All cores' non-idle time since boot, from /proc/stat (0 where there is none). */
        private static long machineBusyNanos() {
            try {
                String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim()
                        .split("\\s+");
                long busy = 0;
                for (int i = 1; i < cpu.length; i++) {
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += Long.parseLong(cpu[i]);
                    }
                }
                return busy * 10_000_000L; // USER_HZ = 100
            } catch (Exception e) {
                return 0;
            }
        }
    }

    /** Requests that answered 201, with CLIENTS clients sending back to back for the given seconds. */
    private Run run(String path, String body, int seconds) throws Exception {
        Thread.sleep(2000); // the database's statistics of the run before are flushed
        Usage before = Usage.now();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("Authorization", "Bearer " + SalesApi.SALES).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        AtomicLong created = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        String started = java.time.LocalTime.now(java.time.ZoneOffset.UTC).toString();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            (response.statusCode() == 201 ? created : failed).incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        String ended = java.time.LocalTime.now(java.time.ZoneOffset.UTC).toString();
        assertThat(failed.get()).as("failed requests on " + path).isZero();
        Thread.sleep(2000);
        return new Run(path, created.get(), elapsed, Usage.now().minus(before), started, ended);
    }
}
