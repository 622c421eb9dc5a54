package org.ordercycle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.ordercycle.launcher.Department;
import org.ordercycle.launcher.Suite;
import org.ordercycle.systemtests.CycleApi.Line;
import org.ordercycle.testinfra.JwtIssuer;

/**
 * Drives N orders through place → reserve → ship → invoice at a target rate and prints what the suite managed: full
 * cycles per second (placed → invoice issued), placement latency, order → invoice lag, each consumer group's lag at
 * the end; writes the figures as JSON to {@code system-tests/target/benchmark/cycle.json}. Not part of the build:
 * run it with {@code deploy/local/benchmark} (see the README).
 *
 * <p>It starts a suite of its own, or with {@code -Dbenchmark.target=local} drives the one {@code deploy/local/run}
 * started. It watches {@code production.schedule} to ship each order the moment it is reserved, and
 * {@code billing.invoices} to see it invoiced.
 */
class CycleBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final int orders = Integer.getInteger("benchmark.orders", 200);
    private final double rate = Double.parseDouble(System.getProperty("benchmark.rate", "20"));
    private final Duration timeout = Duration.parse(System.getProperty("benchmark.timeout", "PT10M"));

    private final Map<UUID, Long> placementNanos = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> placedAt = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> invoicedAt = new ConcurrentHashMap<>();
    private final Set<UUID> reserved = ConcurrentHashMap.newKeySet();
    private final Set<UUID> shipped = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @Test
    void run() throws Exception {
        Target target = Target.fromProperties();
        CycleApi api = new CycleApi(target.urls(), target.tokens());
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String sku = "BENCH-" + run;
        UUID customer = api.registerCustomer("Benchmark " + run, "0", 30);
        api.defineProduct(sku, "Benchmark widget", "1.00", 1);
        api.receiveStock(sku, String.valueOf(orders + 1)); // one more for the first order below
        api.setPrice(sku, "10.00", "19");
        api.placeOrderOnceKnown(customer, List.of(Line.of(sku, "1")), null); // sales knows the customer now

        AtomicBoolean watching = new AtomicBoolean(true);
        KafkaConsumer<String, String> consumer = watcher(target.bootstrapServers());
        Thread watcher = new Thread(() -> watch(consumer, watching, api), "benchmark-watcher");
        watcher.start();

        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = (long) (1e9 / rate);
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        for (int i = 0; i < orders; i++) {
            pacer.schedule(() -> workers.execute(() -> place(api, customer, sku)), i * periodNanos, TimeUnit.NANOSECONDS);
        }
        long deadline = started + timeout.toNanos();
        long nextReport = System.nanoTime();
        while (invoicedAt.size() < orders && System.nanoTime() < deadline && failures.size() < orders) {
            if (System.nanoTime() >= nextReport) {
                System.out.printf("%5.0f s: %d placed, %d shipped, %d invoiced, %d failures%n",
                        (System.nanoTime() - started) / 1e9, placedAt.size(), shipped.size(), invoicedAt.size(),
                        failures.size());
                nextReport += 5_000_000_000L;
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pacer.shutdownNow();
        watching.set(false);
        watcher.join();
        workers.shutdownNow();

        Map<String, Object> figures = figures(target, startedAt, seconds);
        Path out = Path.of(System.getProperty("ordercycle.root", "..")).resolve("system-tests/target/benchmark/cycle.json");
        Files.createDirectories(out.getParent());
        JSON.writeValue(out.toFile(), figures);
        System.out.println("\n=== Order cycle benchmark ===\n" + JSON.writeValueAsString(figures) + "\nwritten to " + out);
        assertThat(failures).as("failed calls").isEmpty();
        assertThat(invoicedAt).as("orders invoiced within " + timeout).hasSize(orders);
    }

    private void place(CycleApi api, UUID customer, String sku) {
        long before = System.nanoTime();
        Instant at = Instant.now();
        Response response = api.placeOrder(customer, List.of(Line.of(sku, "1")), null, UUID.randomUUID().toString());
        long took = System.nanoTime() - before;
        if (response.statusCode() != 201) {
            failures.add("place: " + response.statusCode() + " " + response.asString());
            return;
        }
        UUID order = UUID.fromString(response.path("id"));
        placementNanos.put(order, took);
        placedAt.put(order, at);
        if (reserved.contains(order)) {
            shipOnce(api, order); // production reserved it before this answer came back
        }
    }

    /** Ships the order, once, when both its placement's answer and its reservation have arrived. */
    private void shipOnce(CycleApi api, UUID order) {
        if (placedAt.containsKey(order) && reserved.contains(order) && shipped.add(order)) {
            workers.execute(() -> ship(api, order));
        }
    }

    private void ship(CycleApi api, UUID order) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Response response = api.ship(order, List.of(Line.of(1, "1")), "BENCH");
            if (response.statusCode() == 201) {
                return;
            }
            sleep(100); // the placement's answer may still be on its way to us; production may be a step behind
        }
        failures.add("ship " + order + ": never accepted");
    }

    private void watch(KafkaConsumer<String, String> consumer, AtomicBoolean watching, CycleApi api) {
        try (consumer) {
            while (watching.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    String type = new String(record.headers().lastHeader("ce_type").value());
                    JsonNode event = JSON.readTree(record.value());
                    if ("StockReserved".equals(type)) {
                        UUID order = UUID.fromString(event.get("orderId").asText());
                        reserved.add(order);
                        shipOnce(api, order);
                    } else if ("InvoiceIssued".equals(type)) {
                        UUID order = UUID.fromString(event.get("orderIds").get(0).asText());
                        if (placedAt.containsKey(order)) {
                            invoicedAt.putIfAbsent(order, Instant.parse(event.get("occurredAt").asText()));
                        }
                    }
                }
            }
        } catch (Exception e) {
            failures.add("watcher: " + e);
        }
    }

    /** A consumer at the end of production.schedule and billing.invoices (StackBenchmark watches with it too). */
    static KafkaConsumer<String, String> watcher(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of("production.schedule", "billing.invoices")) {
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start before the first order is placed
        return consumer;
    }

    private Map<String, Object> figures(Target target, Instant startedAt, double seconds) throws Exception {
        List<Double> placementMs = placementNanos.values().stream().map(nanos -> nanos / 1e6).sorted().toList();
        List<Double> lagMs = new ArrayList<>();
        Instant lastInvoice = startedAt;
        for (Map.Entry<UUID, Instant> invoiced : invoicedAt.entrySet()) {
            lagMs.add(Duration.between(placedAt.get(invoiced.getKey()), invoiced.getValue()).toNanos() / 1e6);
            lastInvoice = invoiced.getValue().isAfter(lastInvoice) ? invoiced.getValue() : lastInvoice;
        }
        lagMs.sort(null);
        double cycleSeconds = Duration.between(startedAt, lastInvoice).toNanos() / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version"));
        figures.put("target", target.name());
        figures.put("orders", orders);
        figures.put("targetRatePerSecond", rate);
        figures.put("placed", placedAt.size());
        figures.put("invoiced", invoicedAt.size());
        figures.put("failures", failures.size());
        figures.put("seconds", round(seconds));
        figures.put("fullCyclesPerSecond", round(invoicedAt.size() / Math.max(cycleSeconds, 1e-3)));
        figures.put("placementMs", percentiles(placementMs, 50, 95, 99));
        figures.put("orderToInvoiceMs", percentiles(lagMs, 50, 99));
        figures.put("consumerLagAtEnd", consumerLag(target.bootstrapServers()));
        return figures;
    }

    private static Map<String, Long> consumerLag(String bootstrapServers) throws Exception {
        Map<String, Long> lag = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get();
            for (ConsumerGroupListing group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                long behind = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        behind += ends.get(entry.getKey()).offset() - entry.getValue().offset();
                    }
                }
                lag.put(group.groupId(), behind);
            }
        }
        return lag;
    }

    private static Map<String, Double> percentiles(List<Double> sorted, int... ranks) {
        Map<String, Double> result = new LinkedHashMap<>();
        for (int rank : ranks) {
            result.put("p" + rank, sorted.isEmpty() ? null
                    : round(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(rank / 100.0 * sorted.size()) - 1))));
        }
        return result;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The suite to drive: a fresh one of this JVM, or the one {@code deploy/local/run} keeps running. */
    private record Target(String name, Function<Department, String> urls, Function<String[], String> tokens,
            String bootstrapServers) {

        static Target fromProperties() {
            if ("local".equals(System.getProperty("benchmark.target", "ephemeral"))) {
                Path root = Path.of(System.getProperty("ordercycle.root", "..")).toAbsolutePath().normalize();
                int offset = Integer.parseInt(System.getenv().getOrDefault("ORDERCYCLE_PORT_OFFSET", "0"));
                Suite.Options local = Suite.Options.local(root, offset);
                JwtIssuer jwt = JwtIssuer.inFolder(local.dataDir().resolve("jwt"));
                return new Target("local suite (deploy/local/run)",
                        department -> "http://localhost:" + local.servicePorts().get(department),
                        userAndRole -> jwt.token(userAndRole[0], Duration.ofHours(2), userAndRole[1]),
                        "localhost:" + local.kafkaPort());
            }
            return new Target("suite started by the benchmark", SharedSuite::url,
                    userAndRole -> SharedSuite.token(userAndRole[0], userAndRole[1]),
                    SharedSuite.get().kafka().bootstrapServers());
        }
    }
}
