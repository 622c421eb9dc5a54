package org.ordercycle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.ordercycle.launcher.Department;
import org.ordercycle.launcher.ScaledSuite;
import org.ordercycle.launcher.ServiceProcess;
import org.ordercycle.systemtests.CycleApi.Line;

/**
 * Issue 14's benchmark, in one run on one durable PostgreSQL and one broker ({@link ScaledSuite}): the stack's
 * ceiling (the module {@code reference-app}'s {@code POST /rows}) against {@code POST /orders} at a fixed
 * concurrency, with the same load generator, alternating rounds; the raw insert rate of the same PostgreSQL (a JDBC
 * loop of single-row insert + commit at the same concurrency); the database transactions one full cycle costs
 * (xact_commit of the five databases, idle rate subtracted); the cycle's sustainable rate (steps of offered orders
 * per second; a step holds if the placements keep the pace, every order of the step is invoiced within the drain
 * time, order → invoice does not grow over the step and every consumer group is back to no lag within the drain
 * time), first with one, then with two instances of every service;
 * CPU per process for every phase to name its bottleneck. Prints a table, writes
 * {@code system-tests/target/benchmark/stack.json}. Not part of the build: {@code deploy/local/benchmark}.
 *
 * <p>A full cycle here: order placed (REST) → accepted → reserved → shipped (REST, the benchmark ships each order the
 * moment production's {@code StockReserved} arrives) → invoice issued.
 */
class StackBenchmark {

    static {
        // The Kafka clients' INFO lines (every consumer's whole configuration) would bury the figures.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> DATABASES = List.of("contact", "sales", "production", "billing", "returns");
    private static final Set<String> GROUPS = Set.of("contact-service", "sales-service", "production-service",
            "billing-service", "returns-service");

    // sizes, all by -Dbenchmark.<name>
    private final int concurrency = Integer.getInteger("benchmark.concurrency", 8);
    private final int warmupSeconds = Integer.getInteger("benchmark.warmupSeconds", 8);
    private final int warmupRequests = Integer.getInteger("benchmark.warmupRequests", 4000);
    private final double warmupTolerance = Double.parseDouble(System.getProperty("benchmark.warmupTolerance", "0.05"));
    private final Duration warmupLimit = Duration.parse(System.getProperty("benchmark.warmupLimit", "PT4M"));
    private final int roundSeconds = Integer.getInteger("benchmark.roundSeconds", 8);
    private final int rounds = Integer.getInteger("benchmark.rounds", 2);
    private final int insertSeconds = Integer.getInteger("benchmark.insertSeconds", 6);
    private final int idleSeconds = Integer.getInteger("benchmark.idleSeconds", 5);
    private final int calibrationOrders = Integer.getInteger("benchmark.calibrationOrders", 40);
    private final double calibrationRate = Double.parseDouble(System.getProperty("benchmark.calibrationRate", "8"));
    private final int stepSeconds = Integer.getInteger("benchmark.stepSeconds", 12);
    private final int drainSeconds = Integer.getInteger("benchmark.drainSeconds", 12);
    private final double startRate = Double.parseDouble(System.getProperty("benchmark.startRate", "4"));
    private final double rateFactor = Double.parseDouble(System.getProperty("benchmark.rateFactor", "1.5"));
    private final double maxRate = Double.parseDouble(System.getProperty("benchmark.maxRate", "600"));
    private final int maxSteps = Integer.getInteger("benchmark.maxSteps", 5);
    private final int instances = Integer.getInteger("benchmark.instances", 2);
    /** Only the first phase, ceiling vs POST /orders (about 3 minutes): {@code -Dbenchmark.ceilingOnly=true}. */
    private final boolean ceilingOnly = Boolean.getBoolean("benchmark.ceilingOnly");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    // the cycle: orders placed by the cycle phases (the ceiling rounds' orders are never shipped)
    private final Map<UUID, Instant> placedAt = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> invoicedAt = new ConcurrentHashMap<>();
    private final Set<UUID> reserved = ConcurrentHashMap.newKeySet();
    private final Set<UUID> shipped = ConcurrentHashMap.newKeySet();

    private ScaledSuite suite;
    private Admin admin;
    private ProcessCpu cpu;
    private String salesToken;
    private String productionToken;
    private UUID customer;
    private String sku;

    @Test
    void run() throws Exception {
        Path root = Path.of(System.getProperty("ordercycle.root", "..")).toAbsolutePath().normalize();
        Path out = root.resolve("system-tests/target/benchmark");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("date", Instant.now().toString());
        figures.put("machine", machine());
        figures.put("sizes", sizes());
        long started = System.nanoTime();
        System.out.println("Starting PostgreSQL (fsync on), Kafka, the five services and the reference app …");
        try (ScaledSuite running = ScaledSuite.start(root, out.resolve("logs"), 1, true)) {
            suite = running;
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().bootstrapServers()));
            cpu = new ProcessCpu(this::processes);
            figures.put("suiteStartSeconds", round((System.nanoTime() - started) / 1e9));
            figures.put("postgresSettings", postgresSettings());
            prepare();
            AtomicBoolean watching = new AtomicBoolean(true);
            KafkaConsumer<String, String> consumer = CycleBenchmark.watcher(suite.kafka().bootstrapServers());
            Thread watcher = new Thread(() -> watch(consumer, watching), "benchmark-watcher");
            watcher.start();
            try {
                phase(figures, "ceilingVsOrders", this::ceilingVsOrders);
                if (!ceilingOnly) {
                    cyclePhases(figures);
                }
            } finally {
                watching.set(false);
                watcher.join();
                admin.close();
            }
        }
        figures.put("totalSeconds", round((System.nanoTime() - started) / 1e9));
        figures.put("failures", failures.size() > 20 ? failures.subList(0, 20) : failures);
        try {
            summarize(figures);
        } catch (RuntimeException e) {
            figures.put("summaryError", e.toString()); // a phase failed: its figures are missing
        }
        Files.createDirectories(out);
        JSON.writeValue(out.resolve("stack.json").toFile(), figures);
        try {
            System.out.println(table(figures));
        } catch (RuntimeException e) {
            System.out.println("\n=== OrderCycle stack benchmark (incomplete) ===\n" + JSON.writeValueAsString(figures));
        }
        System.out.println("written to " + out.resolve("stack.json"));
        assertThat(failures).as("failed calls").isEmpty();
    }

    /** The raw insert rate, the transactions per cycle and the sustainable cycle rates (one, then two instances). */
    private void cyclePhases(Map<String, Object> figures) throws Exception {
        phase(figures, "rawInsert", this::rawInsert);
        phase(figures, "transactionsPerCycle", this::transactionsPerCycle);
        Map<String, Object> one = phase(figures, "oneInstance", () -> search("1 instance", startRate));
        if (instances >= 2) {
            System.out.println("\nStarting a second instance of every service …");
            long adding = System.nanoTime();
            suite.addInstances();
            System.out.printf("second instances ready in %.1f s%n", (System.nanoTime() - adding) / 1e9);
            warmUpOrders(); // the new JVMs' first requests are slow (JIT)
            double best = one == null ? 0 : (double) one.get("sustainableOrdersPerSecond");
            Map<String, Object> two = phase(figures, "twoInstances",
                    () -> search("2 instances", best > 0 ? best : startRate));
            if (two != null && best > 0) {
                figures.put("scalingFactor", round2((double) two.get("sustainableOrdersPerSecond") / best));
            }
        }
    }

    /** Runs a phase; a phase that fails is recorded (and the run goes on), so the others still report. */
    private <T> T phase(Map<String, Object> figures, String name, java.util.concurrent.Callable<T> phase) {
        try {
            T result = phase.call();
            figures.put(name, result);
            return result;
        } catch (Exception e) {
            e.printStackTrace(System.out);
            figures.put(name + "Error", e.toString());
            failure(name + ": " + e);
            return null;
        }
    }

    // ---------------------------------------------------------------- set-up

    private void prepare() {
        salesToken = suite.token("sam", Duration.ofHours(2), "sales");
        productionToken = suite.token("pete", Duration.ofHours(2), "production");
        CycleApi api = new CycleApi(department -> suite.instances(department).get(0).url(),
                userAndRole -> suite.token(userAndRole[0], Duration.ofHours(2), userAndRole[1]));
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        sku = "BENCH-" + run;
        customer = api.registerCustomer("Benchmark " + run, "0", 30);
        api.defineProduct(sku, "Benchmark widget", "1.00", 1);
        api.receiveStock(sku, "10000000");
        api.setPrice(sku, "10.00", "19");
        api.placeOrderOnceKnown(customer, List.of(Line.of(sku, "1")), null); // sales knows the customer now
    }

    // ---------------------------------------------------------------- ceiling vs POST /orders

    /**
     * The reference's {@code POST /rows} against {@code POST /orders}, alternating rounds. The figure compares
     * the endpoints, not the machine: while they are measured, the other departments' services are suspended
     * ({@code SIGSTOP}), since on this one machine their consumers would spend the same two cores on every order's
     * downstream work (on a cluster they run on other nodes). They resume afterwards and must catch up; then the
     * orders rounds are repeated with the whole suite running, the figure the earlier runs reported.
     *
     * <p>Both endpoints are first warmed up until their rate is steady and their JIT is done ({@link #warmUp}), the
     * others suspended as well (with them running, the cold suite held orders near 100/s: too few calls to compile
     * sales in minutes); then the others resume until the warm-up's orders went through them, and are suspended again
     * for the measured rounds. After every orders round the events sales has not yet sent are counted: a rate the
     * outbox relay did not keep up with would put work off until after the round, so a backlog larger than one
     * second of the round's events is a failure.
     */
    private Map<String, Object> ceilingVsOrders() throws Exception {
        String reference = suite.reference().url() + "/rows";
        Supplier<HttpRequest> row = () -> HttpRequest.newBuilder(URI.create(reference))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"payload\":\"benchmark row\"}")).build();
        Supplier<HttpRequest> order = this::orderRequest;
        System.out.printf("%nCeiling vs POST /orders: %d users each, each warmed up first, %d rounds of %d s,"
                + " alternating; the other departments suspended%n", concurrency, rounds, roundSeconds);
        awaitQuiet(Duration.ofSeconds(30));
        List<ServiceProcess> others = downstream();
        others.forEach(ServiceProcess::suspend);
        WarmUp rowsWarmUp;
        WarmUp ordersWarmUp;
        try {
            rowsWarmUp = warmUp("POST /rows", row, suite.reference().pid());
            ordersWarmUp = warmUp("POST /orders", order, suite.instances(Department.SALES).get(0).pid());
        } finally {
            others.forEach(ServiceProcess::resume);
        }
        long warmedUp = System.nanoTime();
        if (!quietWithin(Duration.ofMinutes(10))) {
            failure("the warm-up's orders were not through the other departments within 10 minutes");
        }
        double warmUpCatchUpSeconds = (System.nanoTime() - warmedUp) / 1e9;
        System.out.printf("  the warm-up's orders went through the other departments in %.1f s%n",
                warmUpCatchUpSeconds);
        others.forEach(ServiceProcess::suspend);
        List<Round> rows = new ArrayList<>();
        List<Round> orders = new ArrayList<>();
        List<Long> backlogs = new ArrayList<>();
        Map<String, Object> capacity;
        try {
            for (int i = 0; i < rounds; i++) {
                rows.add(closedLoop(row, roundSeconds, concurrency));
                System.out.printf("  round %d POST /rows   %7.1f/s p99 %6.1f ms%n", i + 1, rows.get(i).perSecond(),
                        rows.get(i).percentile(99));
                orders.add(placeOrders("round " + (i + 1), order, concurrency, backlogs));
            }
            capacity = capacity(row, order, backlogs, Round.merge(rows).perSecond(),
                    Round.merge(orders).perSecond());
        } finally {
            others.forEach(ServiceProcess::resume);
        }
        long resumed = System.nanoTime();
        boolean caughtUp = quietWithin(Duration.ofMinutes(5));
        double catchUpSeconds = (System.nanoTime() - resumed) / 1e9;
        System.out.printf("  the other departments caught up in %.1f s%s%n", catchUpSeconds, caughtUp ? "" : " (NOT)");
        if (!caughtUp) {
            failure("the suspended services did not catch up within 5 minutes");
        }
        System.out.printf("POST /orders with the whole suite running: %d rounds of %d s%n", rounds, roundSeconds);
        List<Round> inSuite = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            inSuite.add(closedLoop(order, roundSeconds, concurrency));
            System.out.printf("  round %d POST /orders %7.1f/s p99 %6.1f ms%n", i + 1, inSuite.get(i).perSecond(),
                    inSuite.get(i).percentile(99));
            awaitQuiet(Duration.ofSeconds(60));
        }
        Map<String, Object> ceiling = Round.merge(rows).figures();
        Map<String, Object> placement = Round.merge(orders).figures();
        Map<String, Object> running = Round.merge(inSuite).figures();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("concurrency", concurrency);
        result.put("warmUp", Map.of("rows", rowsWarmUp.figures(), "orders", ordersWarmUp.figures(),
                "othersCaughtUpSeconds", round(warmUpCatchUpSeconds)));
        result.put("ceiling", ceiling);
        result.put("orders", placement);
        result.put("ratio", round2((double) placement.get("perSecond") / (double) ceiling.get("perSecond")));
        result.put("eventsNotYetSentAfterOrdersRounds", backlogs);
        result.put("capacity", capacity);
        result.put("catchUpSeconds", round(catchUpSeconds));
        result.put("ordersInRunningSuite", running);
        result.put("ratioInRunningSuite", round2((double) running.get("perSecond") / (double) ceiling.get("perSecond")));
        return result;
    }

    /** One closed-loop round of POST /orders, then sales' outbox backlog: more than a second's events fail the run. */
    private Round placeOrders(String name, Supplier<HttpRequest> order, int users, List<Long> backlogs)
            throws InterruptedException {
        Round placed = closedLoop(order, roundSeconds, users);
        long backlog = unsentSalesEvents();
        backlogs.add(backlog);
        System.out.printf("  %s POST /orders %7.1f/s p99 %6.1f ms, events not yet sent: %d%n", name,
                placed.perSecond(), placed.percentile(99), backlog);
        long eventsPerSecond = Math.round(placed.perSecond() * EVENTS_PER_PLACEMENT);
        if (backlog > eventsPerSecond) {
            failure("sales' outbox relay fell behind: " + backlog + " events unsent after " + name
                    + ", more than one second's " + eventsPerSecond);
        }
        return placed;
    }

    /**
     * Each endpoint's capacity: one round each at twice and four times the users, and the highest rate of all its
     * rounds. At 8 users the reference is bound by latency, not by the machine (it waits for the broker's
     * acknowledgement of every record: 2026-12-08, 1,033/s with the machine 56 % busy at 8 users, 1,716/s and 71 %
     * at 16), so the ratio at one concurrency flatters the endpoint that saturates the machine first.
     */
    private Map<String, Object> capacity(Supplier<HttpRequest> row, Supplier<HttpRequest> order, List<Long> backlogs,
            double rowsAtConcurrency, double ordersAtConcurrency) throws InterruptedException {
        Map<String, Object> rowsByUsers = new LinkedHashMap<>();
        Map<String, Object> ordersByUsers = new LinkedHashMap<>();
        rowsByUsers.put(String.valueOf(concurrency), round(rowsAtConcurrency));
        ordersByUsers.put(String.valueOf(concurrency), round(ordersAtConcurrency));
        double bestRows = rowsAtConcurrency;
        double bestOrders = ordersAtConcurrency;
        for (int users : List.of(concurrency * 2, concurrency * 4)) {
            Round rows = closedLoop(row, roundSeconds, users);
            System.out.printf("  %d users POST /rows   %7.1f/s p99 %6.1f ms, the machine %.0f %% busy%n", users,
                    rows.perSecond(), rows.percentile(99), rows.cpu().getOrDefault("machine", 0.0) * 100);
            Round orders = placeOrders(users + " users", order, users, backlogs);
            rowsByUsers.put(String.valueOf(users), Map.of("perSecond", round(rows.perSecond()), "cpuCores", rows.cpu()));
            ordersByUsers.put(String.valueOf(users),
                    Map.of("perSecond", round(orders.perSecond()), "cpuCores", orders.cpu()));
            bestRows = Math.max(bestRows, rows.perSecond());
            bestOrders = Math.max(bestOrders, orders.perSecond());
        }
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("rowsByUsers", rowsByUsers);
        capacity.put("ordersByUsers", ordersByUsers);
        capacity.put("rowsPerSecond", round(bestRows));
        capacity.put("ordersPerSecond", round(bestOrders));
        capacity.put("ratio", round2(bestOrders / bestRows));
        return capacity;
    }

    /** A placement that is accepted automatically publishes OrderPlaced and OrderAccepted. */
    private static final int EVENTS_PER_PLACEMENT = 2;

    /** Rows of sales' outbox the relay has not sent (parked ones included: they wait too). */
    private long unsentSalesEvents() {
        try (Connection connection = suite.postgres().connectAsSuperuser("sales");
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM kit_outbox WHERE sent_at IS NULL")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            failure("sales' outbox backlog: " + e);
            return -1;
        }
    }

    /** Every instance of the departments whose consumers work on an order after sales: all but sales. */
    private List<ServiceProcess> downstream() {
        List<ServiceProcess> others = new ArrayList<>();
        for (Department department : Department.values()) {
            if (department != Department.SALES) {
                others.addAll(suite.instances(department));
            }
        }
        return others;
    }

    /**
     * Closed-loop rounds of {@code warmupSeconds} until the endpoint is warm: at least {@code warmupRequests}
     * answered, the last three rounds' rates within {@code warmupTolerance} of their mean, and the serving JVM's JIT
     * compilers busy for less than {@code warmupTolerance} of the last round; or {@code warmupLimit} spent. The JIT
     * compiles on the same two cores the load keeps busy: {@code POST /orders}' larger code path needed more than two
     * minutes of load to reach its steady rate (2026-12-08: 676, 756, 889, 917/s in four rounds after one minute of
     * warm-up), the reference's about one; and a rate can level off while the starved compilers still work (warm-up
     * rounds at 685, 653 and 660/s, then 889 and 1,114/s measured). Comparing before then compares compilers, not
     * endpoints.
     */
    private WarmUp warmUp(String endpoint, Supplier<HttpRequest> request, long servingPid)
            throws InterruptedException {
        List<Double> rates = new ArrayList<>();
        List<Double> compiling = new ArrayList<>();
        int answered = 0;
        long started = System.nanoTime();
        long deadline = started + warmupLimit.toNanos();
        boolean warm = false;
        while (!warm && System.nanoTime() < deadline) {
            double compiledBefore = ProcessCpu.compilerSeconds(servingPid);
            Round round = closedLoop(request, warmupSeconds, concurrency);
            double compiledShare = (ProcessCpu.compilerSeconds(servingPid) - compiledBefore) / round.seconds();
            answered += round.latencies().size();
            rates.add(round(round.perSecond()));
            compiling.add(round2(compiledShare));
            warm = answered >= warmupRequests && steady(rates) && compiledShare < warmupTolerance;
        }
        WarmUp warmUp = new WarmUp(rates, compiling, answered, warm, (System.nanoTime() - started) / 1e9);
        System.out.printf("  warm-up %-12s %s/s in %.0f s (JIT compiling %s of each round), %s%n", endpoint, rates,
                warmUp.seconds(), compiling, warm ? "warm" : "NOT warm: measured anyway");
        return warmUp;
    }

    private boolean steady(List<Double> rates) {
        if (rates.size() < 3) {
            return false;
        }
        List<Double> last = rates.subList(rates.size() - 3, rates.size());
        double mean = last.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return last.stream().allMatch(rate -> Math.abs(rate - mean) <= warmupTolerance * mean);
    }

    /** How an endpoint was warmed up: each round's rate and JIT share, requests answered, whether it ended warm. */
    private record WarmUp(List<Double> rates, List<Double> compiling, int requests, boolean warm, double seconds) {

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("ratesPerSecond", rates);
            figures.put("jitCompilingShare", compiling);
            figures.put("requests", requests);
            figures.put("warm", warm);
            figures.put("seconds", round(seconds));
            return figures;
        }
    }

    private HttpRequest orderRequest() {
        String body = "{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}";
        return HttpRequest.newBuilder(URI.create(url(Department.SALES) + "/orders"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + salesToken)
                .header("Idempotency-Key", UUID.randomUUID().toString()).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** {@code users}, each sending the next request when the last was answered, for {@code seconds}. */
    private Round closedLoop(Supplier<HttpRequest> request, int seconds, int users) throws InterruptedException {
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(users);
        ProcessCpu.Sample before = cpu.sample();
        long commitsBefore = commits();
        for (int i = 0; i < users; i++) {
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 201) {
                                latencies.add((System.nanoTime() - sent) / 1e6);
                            } else {
                                errors.incrementAndGet();
                                failure("closed loop: " + response.statusCode() + " " + response.body());
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            failure("closed loop: " + e);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "benchmark-user-" + i).start();
        }
        done.await();
        ProcessCpu.Sample after = cpu.sample();
        double elapsed = (after.nanos() - before.nanos()) / 1e9;
        return new Round(new ArrayList<>(latencies), errors.get(), elapsed, ProcessCpu.between(before, after),
                (commits() - commitsBefore) / elapsed);
    }

    /** Rounds of one endpoint; merged, they give throughput, percentiles and CPU per process. */
    private record Round(List<Double> latencies, int errors, double seconds, Map<String, Double> cpu,
            double commitsPerSecond) {

        double perSecond() {
            return latencies.size() / seconds;
        }

        double percentile(int rank) {
            List<Double> sorted = new ArrayList<>(latencies);
            sorted.sort(null);
            return percentileOf(sorted, rank);
        }

        static Round merge(List<Round> rounds) {
            List<Double> all = new ArrayList<>();
            Map<String, Double> cpu = new LinkedHashMap<>();
            double seconds = 0;
            double commits = 0;
            int errors = 0;
            for (Round round : rounds) {
                all.addAll(round.latencies());
                seconds += round.seconds();
                errors += round.errors();
                commits += round.commitsPerSecond() * round.seconds();
                round.cpu().forEach((label, cores) -> cpu.merge(label, cores * round.seconds(), Double::sum));
            }
            double total = seconds;
            Map<String, Double> average = new LinkedHashMap<>();
            cpu.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(entry -> average.put(entry.getKey(), round2(entry.getValue() / total)));
            return new Round(all, errors, seconds, average, commits / seconds);
        }

        Map<String, Object> figures() {
            List<Double> sorted = new ArrayList<>(latencies);
            sorted.sort(null);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("requests", latencies.size());
            figures.put("errors", errors);
            figures.put("seconds", round(seconds));
            figures.put("perSecond", round(perSecond()));
            figures.put("latencyMs", percentiles(sorted, 50, 95, 99));
            figures.put("commitsPerSecond", round(commitsPerSecond));
            figures.put("cpuCores", cpu);
            return figures;
        }
    }

    // ---------------------------------------------------------------- raw insert rate

    private Map<String, Object> rawInsert() throws Exception {
        System.out.printf("%nRaw insert rate: %d JDBC connections, single-row INSERT + COMMIT, %d s%n", concurrency,
                insertSeconds);
        try (Connection connection = suite.postgres().connectAsSuperuser("reference");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS raw_insert (id bigserial PRIMARY KEY, payload text NOT NULL,"
                    + " created_at timestamptz NOT NULL DEFAULT now())");
        }
        AtomicLong inserted = new AtomicLong();
        CountDownLatch connected = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(concurrency);
        CountDownLatch sampled = new CountDownLatch(1);
        long[] end = new long[1];
        for (int i = 0; i < concurrency; i++) {
            new Thread(() -> {
                boolean counted = false;
                try (Connection connection = suite.postgres().connectAsSuperuser("reference");
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO raw_insert (payload) VALUES (?)")) {
                    connection.setAutoCommit(true); // every insert its own transaction, committed
                    connected.countDown();
                    go.await();
                    while (System.nanoTime() < end[0]) {
                        insert.setString(1, "benchmark row");
                        insert.executeUpdate();
                        inserted.incrementAndGet();
                    }
                    done.countDown();
                    counted = true;
                    sampled.await(); // a backend's CPU time leaves /proc with it: close after the sample
                } catch (SQLException | InterruptedException e) {
                    failure("raw insert: " + e);
                } finally {
                    if (!counted) {
                        connected.countDown();
                        done.countDown();
                    }
                }
            }, "benchmark-insert-" + i).start();
        }
        connected.await();
        ProcessCpu.Sample before = cpu.sample();
        end[0] = System.nanoTime() + insertSeconds * 1_000_000_000L;
        go.countDown();
        done.await();
        ProcessCpu.Sample after = cpu.sample();
        sampled.countDown();
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("concurrency", concurrency);
        result.put("inserts", inserted.get());
        result.put("perSecond", round(inserted.get() / seconds));
        result.put("cpuCores", ProcessCpu.between(before, after));
        System.out.printf("  %.0f inserts/s%n", inserted.get() / seconds);
        return result;
    }

    // ---------------------------------------------------------------- transactions per cycle

    private Map<String, Object> transactionsPerCycle() throws Exception {
        System.out.printf("%nTransactions per cycle: %d s idle, then %d orders at %.0f/s through the whole cycle%n",
                idleSeconds, calibrationOrders, calibrationRate);
        awaitQuiet(Duration.ofSeconds(30));
        Thread.sleep(1500); // pg_stat counters are flushed within a second
        Map<String, Long> idleStart = commitsPerDatabase();
        long idleFrom = System.nanoTime();
        Thread.sleep(idleSeconds * 1000L);
        Thread.sleep(1500);
        Map<String, Long> idleEnd = commitsPerDatabase();
        double idleElapsed = (System.nanoTime() - idleFrom) / 1e9;

        Map<String, Long> start = idleEnd;
        long from = System.nanoTime();
        List<UUID> orders = placeAtRate(calibrationRate, calibrationOrders, new ConcurrentLinkedQueue<>());
        awaitInvoiced(orders, Duration.ofSeconds(drainSeconds + 60));
        awaitQuiet(Duration.ofSeconds(30));
        Thread.sleep(1500);
        Map<String, Long> end = commitsPerDatabase();
        double elapsed = (System.nanoTime() - from) / 1e9;
        long cycles = orders.stream().filter(invoicedAt::containsKey).count();

        Map<String, Object> perDatabase = new LinkedHashMap<>();
        double total = 0;
        double gross = 0;
        for (String database : DATABASES) {
            double idleRate = (idleEnd.get(database) - idleStart.get(database)) / idleElapsed;
            double delta = end.get(database) - start.get(database);
            double net = Math.max(0, delta - idleRate * elapsed);
            perDatabase.put(database, round(net / Math.max(cycles, 1)));
            total += net;
            gross += delta;
        }
        double idleTotal = DATABASES.stream().mapToDouble(db -> idleEnd.get(db) - idleStart.get(db)).sum() / idleElapsed;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("cycles", cycles);
        result.put("perCycle", round(total / Math.max(cycles, 1)));
        result.put("perCycleGross", round(gross / Math.max(cycles, 1)));
        result.put("idleCommitsPerSecond", round(idleTotal));
        result.put("perDatabase", perDatabase);
        System.out.printf("  %.1f transactions per cycle (%.1f with the idle pollers' %.1f/s)%n",
                total / Math.max(cycles, 1), gross / Math.max(cycles, 1), idleTotal);
        return result;
    }

    // ---------------------------------------------------------------- sustainable rate

    /** Steps up by rateFactor from {@code from} until a step fails; if the first fails, down until one holds. */
    private Map<String, Object> search(String label, double from) throws Exception {
        System.out.printf("%nSustainable cycle rate, %s: steps of %d s from %.1f orders/s (× %.2f)%n", label,
                stepSeconds, from, rateFactor);
        List<Map<String, Object>> steps = new ArrayList<>();
        Map<String, Object> best = null;
        Map<String, Object> firstFailed = null;
        double rate = from;
        boolean goingDown = false;
        for (int i = 0; i < maxSteps && rate <= maxRate && rate >= 1; i++) {
            Map<String, Object> step = step(rate);
            steps.add(step);
            boolean held = (boolean) step.get("held");
            if (held) {
                best = step;
                if (goingDown) {
                    break;
                }
                rate *= rateFactor;
            } else {
                if (firstFailed == null || goingDown) {
                    firstFailed = step;
                }
                if (best != null) {
                    break;
                }
                goingDown = true;
                rate /= rateFactor * rateFactor; // the next rung below the one that failed, quickly
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("label", label);
        result.put("sustainableOrdersPerSecond", best == null ? 0.0 : (double) best.get("offeredPerSecond"));
        result.put("atSustainable", best);
        result.put("firstFailed", firstFailed);
        result.put("steps", steps);
        return result;
    }

    private Map<String, Object> step(double rate) throws Exception {
        awaitQuiet(Duration.ofSeconds(45)); // a failed step's backlog must not count against the next
        long lagAtStart = groupLag().values().stream().mapToLong(lag -> lag[0]).sum();
        ConcurrentLinkedQueue<Double> placementMs = new ConcurrentLinkedQueue<>();
        int count = (int) Math.round(rate * stepSeconds);
        List<double[]> lagSamples = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> maxLagPerGroup = new ConcurrentHashMap<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        long stepStart = System.nanoTime();
        sampler.scheduleAtFixedRate(() -> {
            try {
                Map<String, long[]> lag = groupLag();
                long total = 0;
                long ends = 0;
                for (Map.Entry<String, long[]> group : lag.entrySet()) {
                    total += group.getValue()[0];
                    ends += group.getValue()[1];
                    maxLagPerGroup.merge(group.getKey(), group.getValue()[0], Math::max);
                }
                lagSamples.add(new double[] {(System.nanoTime() - stepStart) / 1e9, total, ends});
            } catch (Exception e) {
                // one sample less
            }
        }, 0, 1, TimeUnit.SECONDS);
        ProcessCpu.Sample before = cpu.sample();
        long commitsBefore = commits();
        List<UUID> placed = placeAtRate(rate, count, placementMs);
        ProcessCpu.Sample after = cpu.sample();
        long commitsAfter = commits();
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        int placedInTime = placed.size();
        long invoicedInStep = placed.stream().filter(invoicedAt::containsKey).count();
        awaitInvoiced(placed, Duration.ofSeconds(drainSeconds));
        sampler.shutdownNow();

        List<UUID> byPlacement = new ArrayList<>(placed);
        byPlacement.sort((a, b) -> placedAt.get(a).compareTo(placedAt.get(b)));
        List<Double> lags = new ArrayList<>();
        List<Double> firstThird = new ArrayList<>();
        List<Double> lastThird = new ArrayList<>();
        int invoiced = 0;
        for (int i = 0; i < byPlacement.size(); i++) {
            UUID order = byPlacement.get(i);
            Instant at = invoicedAt.get(order);
            if (at == null) {
                continue;
            }
            invoiced++;
            double ms = Duration.between(placedAt.get(order), at).toNanos() / 1e6;
            lags.add(ms);
            if (i < byPlacement.size() / 3) {
                firstThird.add(ms);
            } else if (i >= byPlacement.size() * 2 / 3) {
                lastThird.add(ms);
            }
        }
        lags.sort(null);
        firstThird.sort(null);
        lastThird.sort(null);
        List<Double> placements = new ArrayList<>(placementMs);
        placements.sort(null);
        double achieved = placedInTime / seconds;
        double firstMedian = percentileOf(firstThird, 50);
        double lastMedian = percentileOf(lastThird, 50);
        double[] slopes = lagSlopes(lagSamples);

        boolean paced = achieved >= 0.9 * rate;
        boolean allInvoiced = invoiced == count;
        // Consumers that keep up: order → invoice of the step's last third no longer than of its first (with
        // 50 % and 500 ms of slack for noise); a backlog that grows makes the later orders wait longer.
        boolean notGrowing = lastThird.isEmpty() || lastMedian <= 1.5 * firstMedian + 500;
        boolean quietAfter = quietWithin(Duration.ofSeconds(drainSeconds));
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("offeredPerSecond", round(rate));
        step.put("placedPerSecond", round(achieved));
        step.put("ordersInvoicedWithinStep", invoicedInStep);
        step.put("ordersInvoicedWithinDrain", invoiced);
        step.put("orders", count);
        step.put("placementMs", percentiles(placements, 50, 95, 99));
        step.put("orderToInvoiceMs", percentiles(lags, 50, 99));
        step.put("orderToInvoiceMedianFirstThirdMs", round(firstMedian));
        step.put("orderToInvoiceMedianLastThirdMs", round(lastMedian));
        step.put("consumerLagSlopeRecordsPerSecond", round(slopes[0]));
        step.put("recordsToConsumePerSecond", round(slopes[1]));
        step.put("maxConsumerLag", new TreeMap<>(maxLagPerGroup));
        step.put("commitsPerSecond", round((commitsAfter - commitsBefore) / seconds));
        step.put("cpuCores", ProcessCpu.between(before, after));
        step.put("consumersQuietWithinDrain", quietAfter);
        step.put("lagAtStart", lagAtStart);
        step.put("held", paced && allInvoiced && notGrowing && quietAfter);
        step.put("why", paced && allInvoiced && notGrowing && quietAfter ? "held"
                : (!paced ? "placements fell behind the offered rate; " : "")
                        + (!allInvoiced ? (count - invoiced) + " orders not invoiced " + drainSeconds
                                + " s after the step; " : "")
                        + (!notGrowing ? "order → invoice grew over the step; " : "")
                        + (!quietAfter ? "a consumer group still behind " + drainSeconds + " s after; " : ""));
        System.out.printf("  %6.1f/s offered: %6.1f placed/s, invoiced %d/%d, order→invoice p50 %s p99 %s ms, "
                + "lag slope %.1f rec/s, %s%n", rate, achieved, invoiced, count,
                ((Map<?, ?>) step.get("orderToInvoiceMs")).get("p50"), ((Map<?, ?>) step.get("orderToInvoiceMs")).get("p99"),
                slopes[0], step.get("why"));
        return step;
    }

    /** Least-squares slopes of the total consumer lag and of the records to consume (log ends), per second. */
    private static double[] lagSlopes(List<double[]> samples) {
        List<double[]> copy;
        synchronized (samples) {
            copy = new ArrayList<>(samples);
        }
        if (copy.size() < 3) {
            return new double[] {0, 0};
        }
        return new double[] {slope(copy, 1), slope(copy, 2)};
    }

    private static double slope(List<double[]> samples, int column) {
        double n = samples.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] sample : samples) {
            sx += sample[0];
            sy += sample[column];
            sxx += sample[0] * sample[0];
            sxy += sample[0] * sample[column];
        }
        double denominator = n * sxx - sx * sx;
        return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
    }

    /** Places {@code count} orders at {@code rate} per second (open loop); returns the ones placed by the end. */
    private List<UUID> placeAtRate(double rate, int count, ConcurrentLinkedQueue<Double> placementMs)
            throws InterruptedException {
        List<UUID> placed = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long period = (long) (1e9 / rate);
        for (int i = 0; i < count; i++) {
            pacer.schedule(() -> {
                Instant at = Instant.now();
                long sent = System.nanoTime();
                http.sendAsync(orderRequest(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                    if (error != null || response.statusCode() != 201) {
                        failure("place: " + (error != null ? error : response.statusCode() + " " + response.body()));
                        return;
                    }
                    try {
                        UUID order = UUID.fromString(JSON.readTree(response.body()).get("id").asText());
                        placementMs.add((System.nanoTime() - sent) / 1e6);
                        placedAt.put(order, at);
                        placed.add(order);
                        shipOnce(order);
                    } catch (Exception e) {
                        failure("place: " + e);
                    }
                });
            }, i * period, TimeUnit.NANOSECONDS);
        }
        pacer.shutdown();
        pacer.awaitTermination(count * period + 1_000_000_000L, TimeUnit.NANOSECONDS);
        Thread.sleep(Math.min(1000, 2 * period / 1_000_000)); // the answers of the last placements
        synchronized (placed) {
            return new ArrayList<>(placed);
        }
    }

    private void awaitInvoiced(List<UUID> orders, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !orders.stream().allMatch(invoicedAt::containsKey)) {
            Thread.sleep(100);
        }
    }

    private void warmUpOrders() throws Exception {
        closedLoop(this::orderRequest, warmupSeconds, concurrency);
        awaitQuiet(Duration.ofSeconds(30));
    }

    // ---------------------------------------------------------------- shipping and watching

    /** Ships the order, once, when both its placement's answer and its reservation have arrived. */
    private void shipOnce(UUID order) {
        if (placedAt.containsKey(order) && reserved.contains(order) && shipped.add(order)) {
            ship(order, 0);
        }
    }

    private void ship(UUID order, int attempt) {
        String body = "{\"lines\":[{\"lineNo\":1,\"quantity\":1}],\"carrier\":\"DHL\",\"trackingNo\":\"BENCH\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(Department.PRODUCTION) + "/orders/" + order
                + "/shipments")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + productionToken).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 201) {
                return;
            }
            if (attempt >= 50) {
                failure("ship " + order + ": " + (error != null ? error : response.statusCode() + " " + response.body()));
                return;
            }
            // production may be a step behind its own event (another instance); try again shortly
            Retries.after(Duration.ofMillis(100), () -> ship(order, attempt + 1));
        });
    }

    /** Shipments tried again after a short delay. */
    private static final class Retries {
        private static final ScheduledExecutorService DELAYS = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "benchmark-retries");
            thread.setDaemon(true);
            return thread;
        });

        static void after(Duration delay, Runnable task) {
            DELAYS.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void watch(KafkaConsumer<String, String> consumer, AtomicBoolean watching) {
        try (consumer) {
            while (watching.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    String type = new String(record.headers().lastHeader("ce_type").value());
                    if ("StockReserved".equals(type)) {
                        JsonNode event = JSON.readTree(record.value());
                        UUID order = UUID.fromString(event.get("orderId").asText());
                        reserved.add(order);
                        shipOnce(order);
                    } else if ("InvoiceIssued".equals(type)) {
                        JsonNode event = JSON.readTree(record.value());
                        UUID order = UUID.fromString(event.get("orderIds").get(0).asText());
                        invoicedAt.putIfAbsent(order, Instant.parse(event.get("occurredAt").asText()));
                    }
                }
            }
        } catch (Exception e) {
            failure("watcher: " + e);
        }
    }

    // ---------------------------------------------------------------- measuring

    /** The service's API, round robin over its instances. */
    private String url(Department department) {
        List<ServiceProcess> running = suite.instances(department);
        return running.get(Math.floorMod(roundRobin.getAndIncrement(), running.size())).url();
    }

    /**
     * Per consumer group of the five services: [records behind, log-end offsets summed], over every partition of the
     * topics the service reads — a partition the group has not committed an offset for yet counts from its first
     * record (the services read from the earliest), so a group that has committed nothing is not "caught up".
     */
    private Map<String, long[]> groupLag() throws Exception {
        Map<String, long[]> lag = new TreeMap<>();
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            admin.describeTopics(topicsRead(group)).allTopicNames().get(5, TimeUnit.SECONDS).values()
                    .forEach(topic -> topic.partitions().forEach(partition -> {
                        TopicPartition key = new TopicPartition(topic.name(), partition.partition());
                        latest.put(key, OffsetSpec.latest());
                        earliest.put(key, OffsetSpec.earliest());
                    }));
            var ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            var starts = admin.listOffsets(earliest).all().get(5, TimeUnit.SECONDS);
            long behind = 0;
            long endSum = 0;
            for (TopicPartition partition : latest.keySet()) {
                long end = ends.get(partition).offset();
                OffsetAndMetadata done = committed.get(partition);
                endSum += end;
                behind += end - (done != null ? done.offset() : starts.get(partition).offset());
            }
            lag.put(group, new long[] {behind, endSum});
        }
        return lag;
    }

    /** The topics a service's channels read, from its application.properties ({@code …incoming.<channel>.topic}). */
    private List<String> topicsRead(String service) {
        return topicsOfService.computeIfAbsent(service, name -> {
            Path properties = Path.of(System.getProperty("ordercycle.root", "..")).toAbsolutePath().normalize()
                    .resolve(name).resolve("src/main/resources/application.properties");
            try {
                return Files.readAllLines(properties).stream()
                        .filter(line -> line.startsWith("mp.messaging.incoming.") && line.contains(".topic="))
                        .map(line -> line.substring(line.indexOf('=') + 1).trim()).distinct().toList();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read the topics of " + name + " from " + properties, e);
            }
        });
    }

    private final Map<String, List<String>> topicsOfService = new ConcurrentHashMap<>();

    /** Waits until no consumer group of the services is behind (or the timeout). */
    private void awaitQuiet(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (groupLag().values().stream().allMatch(lag -> lag[0] == 0)) {
                return;
            }
            Thread.sleep(250);
        }
    }

    private boolean quietWithin(Duration timeout) throws Exception {
        awaitQuiet(timeout);
        return groupLag().values().stream().allMatch(lag -> lag[0] == 0);
    }

    /** xact_commit of the five service databases and the reference app's together. */
    private long commits() {
        return commitsPerDatabase().values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<String, Long> commitsPerDatabase() {
        Map<String, Long> commits = new LinkedHashMap<>();
        try (Connection connection = suite.postgres().connectAsSuperuser("postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT datname, xact_commit FROM pg_stat_database")) {
            while (rows.next()) {
                String database = rows.getString(1); // null: the row of the shared catalogs
                if (database != null && (DATABASES.contains(database) || "reference".equals(database))) {
                    commits.put(database, rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            failure("pg_stat_database: " + e);
        }
        DATABASES.forEach(database -> commits.putIfAbsent(database, 0L));
        return commits;
    }

    /** What the server really runs with (command-line options outrank ALTER SYSTEM): the proof it is durable. */
    private Map<String, String> postgresSettings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = suite.postgres().connectAsSuperuser("postgres");
                Statement statement = connection.createStatement()) {
            for (String name : List.of("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method",
                    "commit_delay", "shared_buffers", "max_connections")) {
                try (ResultSet row = statement.executeQuery("SHOW " + name)) {
                    row.next();
                    settings.put(name, row.getString(1));
                }
            }
        }
        return settings;
    }

    /** The processes to measure: every service instance, the reference app, PostgreSQL, Kafka, this JVM. */
    private Map<String, List<Long>> processes() {
        Map<String, List<Long>> processes = new LinkedHashMap<>();
        Set<Long> known = new java.util.HashSet<>();
        for (Department department : Department.values()) {
            List<ServiceProcess> running = suite.instances(department);
            for (int i = 0; i < running.size(); i++) {
                String label = department.serviceName() + (i == 0 ? "" : "-" + (i + 1));
                processes.put(label, List.of(running.get(i).pid()));
                known.add(running.get(i).pid());
            }
        }
        if (suite.reference() != null) {
            processes.put("reference-app", List.of(suite.reference().pid()));
            known.add(suite.reference().pid());
        }
        processes.put("postgres", postgresProcesses());
        processes.put("kafka", ProcessHandle.current().descendants()
                .filter(process -> !known.contains(process.pid()))
                .filter(process -> process.info().commandLine().orElse("").contains("kafka"))
                .map(ProcessHandle::pid).toList());
        processes.put("benchmark (load generator)", List.of(ProcessHandle.current().pid()));
        return processes;
    }

    private long postmaster = -1;

    private List<Long> postgresProcesses() {
        if (postmaster < 0) {
            try (Connection connection = suite.postgres().connectAsSuperuser("postgres");
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
                row.next();
                postmaster = ProcessCpu.parent(row.getLong(1));
            } catch (SQLException e) {
                return List.of();
            }
        }
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        ProcessHandle.of(postmaster).ifPresent(process -> process.children().forEach(child -> pids.add(child.pid())));
        return pids;
    }

    private void failure(String what) {
        if (failures.size() < 1000) {
            failures.add(what);
        }
    }

    // ---------------------------------------------------------------- reporting

    /** The headline figures, the goals and the bottleneck of each, named from what was measured. */
    @SuppressWarnings("unchecked")
    private void summarize(Map<String, Object> figures) {
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Object> cvo = (Map<String, Object>) figures.get("ceilingVsOrders");
        Map<String, Object> ceiling = (Map<String, Object>) cvo.get("ceiling");
        Map<String, Object> orders = (Map<String, Object>) cvo.get("orders");
        Map<String, Object> raw = (Map<String, Object>) figures.get("rawInsert");
        Map<String, Object> tx = (Map<String, Object>) figures.get("transactionsPerCycle");
        Map<String, Object> one = (Map<String, Object>) figures.get("oneInstance");
        Map<String, Object> two = (Map<String, Object>) figures.get("twoInstances");
        if (raw == null || tx == null || one == null) {
            figures.put("summary", Map.of("ordersBottleneck", bottleneck((Map<String, Double>) orders.get("cpuCores"),
                    (double) orders.get("commitsPerSecond"), Double.MAX_VALUE)));
            return; // only the ceiling phase ran
        }
        double rawRate = (double) raw.get("perSecond");
        summary.put("ceilingBottleneck", bottleneck((Map<String, Double>) ceiling.get("cpuCores"),
                (double) ceiling.get("commitsPerSecond"), rawRate));
        summary.put("ordersBottleneck", bottleneck((Map<String, Double>) orders.get("cpuCores"),
                (double) orders.get("commitsPerSecond"), rawRate));
        summary.put("rawInsertBottleneck", bottleneck((Map<String, Double>) raw.get("cpuCores"), rawRate, rawRate));
        double sustainable = (double) one.get("sustainableOrdersPerSecond");
        double perCycle = (double) tx.get("perCycle");
        summary.put("transactionsPerSecondAtSustainable", round(sustainable * perCycle));
        summary.put("shareOfRawInsertRate", round2(sustainable * perCycle / rawRate));
        summary.put("oneInstanceBottleneck", searchBottleneck(one, rawRate));
        if (two != null) {
            summary.put("twoInstancesBottleneck", searchBottleneck(two, rawRate));
        }
        figures.put("summary", summary);
    }

    @SuppressWarnings("unchecked")
    private static String searchBottleneck(Map<String, Object> search, double rawRate) {
        Map<String, Object> failed = (Map<String, Object>) search.get("firstFailed");
        Map<String, Object> step = failed != null ? failed : (Map<String, Object>) search.get("atSustainable");
        if (step == null) {
            return "no step measured";
        }
        Map<String, Long> lag = (Map<String, Long>) step.get("maxConsumerLag");
        String laggard = lag.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(entry -> entry.getKey() + " " + entry.getValue() + " records behind at most").orElse("-");
        return (failed != null ? "at " + step.get("offeredPerSecond") + "/s (failed: " + step.get("why") + ") "
                : "at the highest rate tried ") + bottleneck((Map<String, Double>) step.get("cpuCores"),
                (double) step.get("commitsPerSecond"), rawRate) + "; largest consumer lag: " + laggard;
    }

    /** Names the limit from CPU per process, the machine's busy share and commits per second. */
    private static String bottleneck(Map<String, Double> cpu, double commitsPerSecond, double rawRate) {
        double machine = cpu.getOrDefault("machine", 0.0);
        StringBuilder top = new StringBuilder();
        cpu.entrySet().stream().filter(entry -> !"machine".equals(entry.getKey())).limit(3)
                .forEach(entry -> top.append(top.length() == 0 ? "" : ", ").append(entry.getKey()).append(' ')
                        .append(String.format("%.2f", entry.getValue())));
        String processes = " (cores: " + top + ")";
        if (machine >= 0.9) {
            return "CPU: the machine " + Math.round(machine * 100) + " % busy" + processes;
        }
        if (commitsPerSecond >= 0.8 * rawRate) {
            return "PostgreSQL commits: " + Math.round(commitsPerSecond) + "/s of " + Math.round(rawRate)
                    + "/s raw (WAL flush per commit), machine " + Math.round(machine * 100) + " % busy" + processes;
        }
        return "latency, not a saturated resource: machine " + Math.round(machine * 100) + " % busy, "
                + Math.round(commitsPerSecond) + " commits/s of " + Math.round(rawRate) + "/s raw" + processes;
    }

    @SuppressWarnings("unchecked")
    private String table(Map<String, Object> figures) {
        Map<String, Object> cvo = (Map<String, Object>) figures.get("ceilingVsOrders");
        Map<String, Object> ceiling = (Map<String, Object>) cvo.get("ceiling");
        Map<String, Object> orders = (Map<String, Object>) cvo.get("orders");
        Map<String, Object> raw = (Map<String, Object>) figures.get("rawInsert");
        Map<String, Object> tx = (Map<String, Object>) figures.get("transactionsPerCycle");
        Map<String, Object> one = (Map<String, Object>) figures.get("oneInstance");
        Map<String, Object> two = (Map<String, Object>) figures.get("twoInstances");
        Map<String, Object> summary = (Map<String, Object>) figures.get("summary");
        StringBuilder table = new StringBuilder("\n=== OrderCycle stack benchmark ===\n");
        table.append(figures.get("date")).append(", ").append(figures.get("machine")).append(", PostgreSQL ")
                .append(figures.get("postgresSettings")).append("\n\n");
        String format = "| %-46s | %-40s | %-12s |%n";
        table.append(String.format(format, "figure", "value", "goal"));
        table.append(String.format(format, "-".repeat(46), "-".repeat(40), "-".repeat(12)));
        table.append(String.format(format, "ceiling: reference POST /rows, " + concurrency + " users",
                perSecondAndLatency(ceiling), "-"));
        table.append(String.format(format, "POST /orders, " + concurrency + " users, others suspended",
                perSecondAndLatency(orders), "p99 <= 50 ms"));
        table.append(String.format(format, "POST /orders / ceiling, " + concurrency + " users",
                Math.round((double) cvo.get("ratio") * 100) + " %", "-"));
        Map<String, Object> capacity = (Map<String, Object>) cvo.get("capacity");
        table.append(String.format(format, "capacity, best of " + concurrency + "/" + 2 * concurrency + "/"
                + 4 * concurrency + " users", "rows " + capacity.get("rowsPerSecond") + "/s, orders "
                + capacity.get("ordersPerSecond") + "/s", "-"));
        table.append(String.format(format, "POST /orders / ceiling at capacity",
                Math.round((double) capacity.get("ratio") * 100) + " %", ">= 75 %"));
        table.append(String.format(format, "POST /orders, " + concurrency + " users, whole suite running",
                perSecondAndLatency((Map<String, Object>) cvo.get("ordersInRunningSuite")), "-"));
        table.append(String.format(format, "  its share of the ceiling",
                Math.round((double) cvo.get("ratioInRunningSuite") * 100) + " %", "-"));
        if (raw == null || tx == null || one == null) {
            return table.append("\nPOST /orders, others suspended: ").append(summary.get("ordersBottleneck"))
                    .append("\n(only the ceiling phase ran)\n").toString();
        }
        table.append(String.format(format, "raw insert rate (JDBC insert+commit, " + concurrency + " conn.)",
                raw.get("perSecond") + " /s", "-"));
        table.append(String.format(format, "DB transactions per full cycle (5 databases)",
                tx.get("perCycle") + " (" + tx.get("perCycleGross") + " with idle pollers)", "-"));
        table.append(String.format(format, "sustainable cycle rate, 1 instance each", sustainable(one),
                ">= 300 /s"));
        table.append(String.format(format, "order -> invoice at that rate, p50 / p99", orderToInvoice(one),
                "p99 <= 2 s"));
        table.append(String.format(format, "cycles/s x transactions / raw insert rate",
                summary.get("transactionsPerSecondAtSustainable") + " tx/s = "
                        + Math.round((double) summary.get("shareOfRawInsertRate") * 100) + " %", "-"));
        if (two != null) {
            table.append(String.format(format, "sustainable cycle rate, 2 instances each", sustainable(two), "-"));
            table.append(String.format(format, "order -> invoice at that rate, p50 / p99", orderToInvoice(two), "-"));
            table.append(String.format(format, "scaling factor (2 instances / 1)", figures.get("scalingFactor") + " x",
                    ">= 1.6 x"));
        }
        table.append("\nBottlenecks (measured: CPU cores per process over the phase, commits/s):\n");
        summary.forEach((key, value) -> {
            if (key.endsWith("Bottleneck")) {
                table.append("  ").append(key.replace("Bottleneck", "")).append(": ").append(value).append('\n');
            }
        });
        table.append("\nSteps (offered/s -> held?):\n");
        for (Map<String, Object> search : List.of(one, two == null ? Map.<String, Object>of() : two)) {
            if (search.isEmpty()) {
                continue;
            }
            table.append("  ").append(search.get("label")).append(":");
            for (Map<String, Object> step : (List<Map<String, Object>>) search.get("steps")) {
                table.append(" ").append(step.get("offeredPerSecond")).append((boolean) step.get("held") ? " ok" : " FAIL")
                        .append(',');
            }
            table.append('\n');
        }
        return table.toString();
    }

    @SuppressWarnings("unchecked")
    private static String perSecondAndLatency(Map<String, Object> endpoint) {
        Map<String, Object> latency = (Map<String, Object>) endpoint.get("latencyMs");
        return endpoint.get("perSecond") + "/s, p50/95/99 " + latency.get("p50") + "/" + latency.get("p95") + "/"
                + latency.get("p99") + " ms";
    }

    private static String sustainable(Map<String, Object> search) {
        return search.get("sustainableOrdersPerSecond") + " orders/s";
    }

    @SuppressWarnings("unchecked")
    private static String orderToInvoice(Map<String, Object> search) {
        Map<String, Object> step = (Map<String, Object>) search.get("atSustainable");
        if (step == null) {
            return "-";
        }
        Map<String, Object> lag = (Map<String, Object>) step.get("orderToInvoiceMs");
        return lag.get("p50") + " / " + lag.get("p99") + " ms";
    }

    private Map<String, Object> sizes() {
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("concurrency", concurrency);
        sizes.put("warmupSeconds", warmupSeconds);
        sizes.put("warmupRequests", warmupRequests);
        sizes.put("warmupTolerance", warmupTolerance);
        sizes.put("warmupLimit", warmupLimit.toString());
        sizes.put("roundSeconds", roundSeconds);
        sizes.put("rounds", rounds);
        sizes.put("insertSeconds", insertSeconds);
        sizes.put("calibrationOrders", calibrationOrders);
        sizes.put("stepSeconds", stepSeconds);
        sizes.put("drainSeconds", drainSeconds);
        sizes.put("startRate", startRate);
        sizes.put("rateFactor", rateFactor);
        sizes.put("maxSteps", maxSteps);
        sizes.put("instances", instances);
        return sizes;
    }

    private static String machine() {
        String model = "";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim() + ", ").orElse("");
        } catch (Exception e) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + model + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version");
    }

    private static Map<String, Double> percentiles(List<Double> sorted, int... ranks) {
        Map<String, Double> result = new LinkedHashMap<>();
        for (int rank : ranks) {
            result.put("p" + rank, sorted.isEmpty() ? null : round(percentileOf(sorted, rank)));
        }
        return result;
    }

    private static double percentileOf(List<Double> sorted, int rank) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(rank / 100.0 * sorted.size()) - 1)));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
