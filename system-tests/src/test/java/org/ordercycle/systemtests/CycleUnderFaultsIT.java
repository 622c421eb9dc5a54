package org.ordercycle.systemtests;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordercycle.launcher.Department;
import org.ordercycle.launcher.Suite;
import org.ordercycle.systemtests.FaultLoad.Run;
import org.ordercycle.systemtests.FaultLoad.Step;

/**
 * The cycle's invariants under faults (issue 14, part 1). A few hundred orders (1,000 and more with
 * {@code -Dfaults.orders=…}) go through the whole cycle — placed, accepted, shipped (every 4th in two parts),
 * invoiced, paid; every 10th cancelled; every 7th returned in part and refunded; a few backordered for good — driven by
 * a small pool of threads ({@link FaultLoad}), while one fault follows the other ({@link Faults}): each of the five
 * services killed with SIGKILL and started again, the broker stopped and started, PostgreSQL stopped and started.
 *
 * <p>When the load is done and everything has settled (every outbox empty, every service's consumer group without
 * lag), {@link CycleInvariants} reads the five databases read-only and prints one table: nothing lost, nothing done
 * twice, every figure where it belongs. The test fails naming every invariant broken, with examples.
 *
 * <p>Sizes: {@code faults.orders} (default 300), {@code faults.threads} (8), {@code faults.window} (placements spread
 * over this, default PT45S), {@code faults.down} (each outage, PT1S), {@code faults.settle} (PT3M).
 */
class CycleUnderFaultsIT {

    private static final int ORDERS = Integer.getInteger("faults.orders", 300);
    private static final int THREADS = Integer.getInteger("faults.threads", 8);
    private static final Duration WINDOW = Duration.parse(System.getProperty("faults.window", "PT45S"));
    private static final Duration DOWN = Duration.parse(System.getProperty("faults.down", "PT1S"));
    private static final Duration GAP = Duration.ofSeconds(1);
    private static final Duration SETTLE = Duration.parse(System.getProperty("faults.settle", "PT3M"));
    private static final int CUSTOMERS = 20;
    private static final int TIMELINE_SAMPLE = 12;

    private static CycleApi api;

    @BeforeAll
    static void suite() {
        api = CycleApi.onSharedSuite();
    }

    @Test
    void theCycleKeepsEveryInvariantWhileEveryServiceTheBrokerAndPostgresqlFailInTurn() throws Exception {
        long testStarted = System.nanoTime();
        Suite suite = SharedSuite.get();
        Instant since = Instant.now().minusSeconds(1);
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        // The run's own customers and products, so that other tests' data never counts.
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(api.registerCustomer("Fault Load " + run + " " + i, i % 2 == 0 ? "0" : "2.5", 30));
        }
        List<String> skus = new ArrayList<>();
        Map<String, Integer> received = new LinkedHashMap<>();
        String[][] catalog = {{"BOLT", "0.35", "7"}, {"GEAR", "24.90", "19"}, {"HOSE", "8.15", "19"},
                {"LAMP", "12.49", "7"}, {"PUMP", "99.99", "19"}};
        for (String[] product : catalog) {
            String sku = product[0] + "-" + run;
            skus.add(sku);
            api.defineProduct(sku, product[0], "1.00", 2);
            received.put(sku, 3 * ORDERS);
            api.receiveStock(sku, String.valueOf(3 * ORDERS));
        }
        String scarce = "SCARCE-" + run;
        int scarceStock = Math.max(2, ORDERS / 25);
        api.defineProduct(scarce, "Scarce part", "3.00", 30);
        api.receiveStock(scarce, String.valueOf(scarceStock));
        received.put(scarce, scarceStock);
        for (int i = 0; i < catalog.length; i++) {
            api.setPrice(skus.get(i), catalog[i][1], catalog[i][2]);
        }
        api.setPrice(scarce, "45.00", "19");
        List<String> allSkus = new ArrayList<>(skus);
        allSkus.add(scarce);

        List<Run> runs = FaultLoad.plan(ORDERS, customers, skus, scarce, run.hashCode());
        FaultLoad load = new FaultLoad(runs, THREADS);
        long loadStarted = System.nanoTime();
        System.out.printf("%nFault suite: %d orders, %d drivers, placements over %d s, set-up %.1f s%n", ORDERS, THREADS,
                WINDOW.toSeconds(), (loadStarted - testStarted) / 1e9);
        load.start(WINDOW);
        Faults faults = new Faults(suite, DOWN, GAP, loadStarted);
        Thread faultThread = new Thread(faults, "faults");
        boolean loadDone;
        try {
            Thread.sleep(Math.min(5_000, WINDOW.toMillis() / 10));
            faultThread.start();
            faultThread.join(Duration.ofMinutes(8).toMillis());
            loadDone = load.await(FaultLoad.STEP_DEADLINE.plus(Duration.ofMinutes(1)));
        } finally {
            load.stop();
            faultThread.join(Duration.ofMinutes(2).toMillis());
            Faults.heal(suite);
        }
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
        System.out.printf("Load done in %.1f s: %s; outage retries %d, not-yet retries %d%n", loadSeconds,
                load.progress(), load.tally.outageRetries.sum(), load.tally.notYetRetries.sum());
        System.out.println("Answers met: " + new TreeMap<>(load.tally.answers.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().sum()))));
        for (Faults.Injected fault : faults.injected()) {
            System.out.printf("  fault %-40s at %6.1f s, outage %5.1f s%n", fault.what(), fault.atSeconds(),
                    fault.outageSeconds());
        }

        long settleStarted = System.nanoTime();
        String settled = settle(suite, customers, since);
        double settleSeconds = (System.nanoTime() - settleStarted) / 1e9;

        CycleInvariants invariants = new CycleInvariants(suite, runs, customers, allSkus, received, since);
        invariants.checkAll();
        List<String> timelineSample = sampleTimelines(runs);
        System.out.printf("%nSettled in %.1f s (%s). Invariants after %d orders and %d faults:%n%n%s%n", settleSeconds,
                settled, runs.stream().filter(r -> r.orderId != null).count(), faults.injected().size(),
                invariants.table());
        System.out.printf("Timelines of %d sampled orders through the APIs (sales, contact): %s%n", TIMELINE_SAMPLE,
                timelineSample.isEmpty() ? "every step once, both alike" : timelineSample);
        System.out.printf("Fault suite took %.1f s (set-up %.1f, load and faults %.1f, settle %.1f)%n%n",
                (System.nanoTime() - testStarted) / 1e9, (loadStarted - testStarted) / 1e9, loadSeconds, settleSeconds);

        // Every failure reported at once: the invariants first, then what the drivers and the faults met.
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(invariants.violations()).as("invariants broken after the faults:%n%s",
                    invariants.table()).isEmpty();
            softly.assertThat(timelineSample).as("timelines of sampled orders (sales, contact)").isEmpty();
            softly.assertThat(faults.failure()).as("a fault could not be injected or healed").isNull();
            softly.assertThat(faults.injected()).as("every fault injected").hasSize(7);
            softly.assertThat(runs.stream().filter(r -> r.step == Step.FAILED).map(Run::toString).toList())
                    .as("orders whose driver met an answer other than an outage (a 503, a refused connection)")
                    .isEmpty();
            softly.assertThat(loadDone).as("every order driven to its end: " + load.progress()).isTrue();
            softly.assertThat(load.tally.serverErrors).as("5xx answers other than 503 (a fault must not cause a 500)")
                    .isEmpty();
            softly.assertThat(settled).as("settled").startsWith("settled");
        });
    }

    /**
     * Waits until everything the load set off is done: every outbox of the five services empty, every service's
     * consumer group at the end of every partition it reads, no event of the run parked for a prerequisite (a parked
     * event whose prerequisite's announcement was missed waits for the kit's sweep, up to a minute), every return
     * case closed and every order of the run at the end of its way in sales (PAID, REFUNDED, CANCELLED, BACKORDERED).
     */
    private static String settle(Suite suite, List<UUID> customers, Instant since) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String state = "";
        // The admin client's configuration dump at INFO would be most of the test's output.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().bootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            while (System.nanoTime() < deadline) {
                try {
                    long unsent = 0;
                    long parked = 0;
                    for (Department department : Department.values()) {
                        unsent += count(suite, department, "select count(*) from kit_outbox where sent_at is null");
                        parked += count(suite, department, "select count(*) from kit_parked_event where parked_at >= '"
                                + since + "'");
                    }
                    long lag = lag(admin);
                    String customerList = customers.stream().map(c -> "'" + c + "'").collect(Collectors.joining(","));
                    long openReturns = count(suite, Department.RETURNS, "select count(*) from return_case where"
                            + " customer_id in (" + customerList + ") and state <> 'CLOSED'");
                    long openOrders = count(suite, Department.SALES, "select count(*) from sales_order where"
                            + " customer_id in (" + customerList + ") and status not in"
                            + " ('PAID', 'REFUNDED', 'CANCELLED', 'BACKORDERED')");
                    state = "unsent " + unsent + ", consumer lag " + lag + ", parked " + parked + ", open returns "
                            + openReturns + ", orders not at their end " + openOrders;
                    if (unsent == 0 && lag == 0 && parked == 0 && openReturns == 0 && openOrders == 0) {
                        return "settled: " + state;
                    }
                } catch (SQLException | RuntimeException e) {
                    state = e.toString();
                }
                Thread.sleep(1_000);
            }
        }
        return "NOT settled within " + SETTLE.toSeconds() + " s: " + state;
    }

    /** Records the five services' consumer groups have yet to read, over every partition they committed on. */
    private static long lag(Admin admin) throws InterruptedException {
        try {
            long lag = 0;
            for (Department department : Department.values()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        department.serviceName()).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
            }
            return lag;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("consumer lag: " + e.getCause(), e.getCause());
        }
    }

    private static long count(Suite suite, Department department, String sql) throws SQLException {
        try (Connection connection = suite.postgres().connectAsSuperuser(department.database())) {
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Both timelines of a sample of orders (of every kind: cancelled, partly shipped, returned, plain), through the
     * APIs the users see: sales' and contact's show the same steps, each as often, placement and acceptance once.
     */
    private static List<String> sampleTimelines(List<Run> runs) {
        List<String> problems = new ArrayList<>();
        List<Run> sample = new ArrayList<>();
        for (java.util.function.Predicate<Run> kind : List.<java.util.function.Predicate<Run>>of(r -> r.cancel,
                r -> r.partial, r -> r.returned, r -> r.step == Step.BACKORDERED,
                r -> !r.cancel && !r.partial && !r.returned)) {
            runs.stream().filter(r -> r.orderId != null && r.step != Step.FAILED).filter(kind).limit(3)
                    .forEach(sample::add);
        }
        for (Run run : sample.stream().distinct().limit(TIMELINE_SAMPLE).toList()) {
            Map<String, Long> sales = api.orderTimeline(run.orderId).getList("step", String.class).stream()
                    .collect(Collectors.groupingBy(step -> step, TreeMap::new, Collectors.counting()));
            JsonPath crm = api.customerTimeline(run.customer);
            Map<String, Long> contact = crm.getList("findAll { it.orderId == '" + run.orderId + "' }.step",
                    String.class).stream().collect(Collectors.groupingBy(step -> step, TreeMap::new,
                    Collectors.counting()));
            if (!sales.equals(contact)) {
                problems.add(run.orderId + ": sales " + sales + ", contact " + contact);
            }
            for (String once : Set.of("ORDER_PLACED", "ORDER_ACCEPTED")) {
                if (sales.getOrDefault(once, 0L) != 1) {
                    problems.add(run.orderId + ": " + once + " " + sales.getOrDefault(once, 0L) + "×");
                }
            }
            if (!run.cancel && run.step != Step.BACKORDERED
                    && sales.getOrDefault("SHIPMENT_DISPATCHED", 0L) != run.shipmentsPlanned()) {
                problems.add(run.orderId + ": " + sales.get("SHIPMENT_DISPATCHED") + " dispatches for "
                        + run.shipmentsPlanned() + " shipments");
            }
        }
        return problems;
    }
}
