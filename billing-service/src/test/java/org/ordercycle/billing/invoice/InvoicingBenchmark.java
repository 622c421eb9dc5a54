package org.ordercycle.billing.invoice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ordercycle.billing.BillingEvents.count;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ordercycle.billing.BillingTestResource;
import org.ordercycle.events.Event;
import org.ordercycle.events.EventCatalog;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.Money;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.production.ShippedLine;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.kit.CloudEventHeaders;
import org.ordercycle.kit.inbox.EventDispatcher;
import org.ordercycle.kit.inbox.IncomingEvent;
import org.ordercycle.testinfra.TestInfra;

/**
 * How many shipments per second billing invoices (one invoice per shipment, the default profile) on durable
 * PostgreSQL (fsync, synchronous_commit, full_page_writes on). Not part of {@code verify} (the name does not end in
 * Test); run it with
 * {@code ./mvnw -B verify -pl billing-service -am -Dtest=InvoicingBenchmark -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (skipped without {@code -Dbenchmark=true}, so a run of all billing tests
 * by pattern does not pick it up).
 * It prints, in one run: end to end (ShipmentDispatched produced onto {@code production.shipments}, invoiced by the
 * live channel, one transaction per poll; measured while the consumer drains the backlog) and the dispatcher alone
 * (polls of 500 handed to the kit's dispatcher, no Kafka); then checks that the numbers are gap-free.
 */
@QuarkusTest
@WithTestResource(BillingTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true", disabledReason = "a benchmark: -Dbenchmark=true")
class InvoicingBenchmark {

    private static final int END_TO_END = Integer.getInteger("benchmark.shipments", 20_000);
    private static final int DIRECT = Integer.getInteger("benchmark.direct-shipments", 20_000);
    private static final int THREADS = Integer.getInteger("benchmark.threads", 3);
    private static final String HANDLER = "ShipmentEventsHandler.on(ShipmentDispatched)";

    @Inject
    EventDispatcher dispatcher;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    /** The database's statistics just before the measured end-to-end shipments were produced and after they drained. */
    private Map<String, Long> statsBefore;
    private Map<String, Long> statsAfter;

    @Test
    void shipmentsInvoicedPerSecond() throws Exception {
        TestInfra.postgres().setDurable(true);
        try {
            endToEnd(2_000); // warm-up
            Map<String, Double> endToEndBefore = stepMillis();
            double[] batchesBefore = batches();
            double fallbacksBefore = fallbacks();
            double[] drain = new double[1];
            double endToEnd = endToEnd(END_TO_END, drain, true);
            Map<String, Double> endToEndAfter = stepMillis();
            double[] batchesAfter = batches();
            double fallbacks = fallbacks() - fallbacksBefore;
            double overlap = (sum(endToEndAfter) - sum(endToEndBefore)) / drain[0];
            Map<String, Double> stepsBefore = stepMillis();
            double direct = direct(DIRECT);
            Map<String, Double> stepsAfter = stepMillis();
            double concurrent = directConcurrently(DIRECT, THREADS);
            int year = LocalDate.now(ZoneOffset.UTC).getYear();
            long issued = count("select count(*) from invoice_number where number like ?1", "INV-" + year + "-%");
            long highest = count("select max(substring(number from 10)::int) from invoice_number where number like ?1",
                    "INV-" + year + "-%");
            System.out.printf("%n=== Billing invoicing benchmark (%d cores, durable PostgreSQL) ===%n",
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("end to end, ShipmentDispatched -> invoice, live channel: %,8.0f shipments/s (%,d)%n",
                    endToEnd, END_TO_END);
            System.out.printf("  the handler busy %.2f× the drain time (above 1: the channel's copies overlapped);"
                    + " %,.0f batch calls of %.0f shipments on average, %,.0f polls fell back to one at a time%n",
                    overlap, batchesAfter[0] - batchesBefore[0],
                    (batchesAfter[1] - batchesBefore[1]) / Math.max(1, batchesAfter[0] - batchesBefore[0]), fallbacks);
            System.out.printf("  handler steps per shipment, end to end (lock waits included): %s%n",
                    perShipment(endToEndBefore, endToEndAfter, END_TO_END));
            System.out.printf("  database per shipment, end to end (WAL, rows inserted/updated/HOT-updated per table):%n    %s%n",
                    perShipment(statsBefore, statsAfter));
            System.out.printf("dispatcher alone, polls of 500:                           %,8.0f shipments/s (%,d)%n",
                    direct, DIRECT);
            System.out.printf("dispatcher alone, polls of 500 from %d threads at once:    %,8.0f shipments/s (%,d)%n",
                    THREADS, concurrent, DIRECT);
            System.out.printf("dispatcher alone, handler steps per shipment (InvoiceService.invoiceShipments):%n");
            double handler = 0;
            for (Map.Entry<String, Double> step : stepsAfter.entrySet()) {
                double micros = (step.getValue() - stepsBefore.getOrDefault(step.getKey(), 0.0)) * 1000 / DIRECT;
                handler += micros;
                System.out.printf("  %-10s %8.1f µs%n", step.getKey(), micros);
            }
            System.out.printf("  handler    %8.1f µs of %.1f µs per shipment in all (the rest: kit, commit)%n", handler,
                    1e6 / direct);
            long distinct = count("select count(distinct number) from invoice_number where number like ?1",
                    "INV-" + year + "-%");
            long unnumbered = count("select count(*) from invoice i where not exists (select 1 from invoice_number n where n.invoice_id = i.id)");
            System.out.printf("invoices this year %,d, highest number %,d, distinct %,d, without number %,d: %s%n%n",
                    issued, highest, distinct, unnumbered,
                    issued == highest && distinct == issued && unnumbered == 0 ? "gap-free" : "GAP");
            assertThat(highest).isEqualTo(issued);
            assertThat(distinct).isEqualTo(issued);
            assertThat(unnumbered).isZero();
        } finally {
            TestInfra.postgres().setDurable(false);
        }
    }

    private static double sum(Map<String, Double> steps) {
        return steps.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static String perShipment(Map<String, Double> before, Map<String, Double> after, int shipments) {
        StringBuilder text = new StringBuilder();
        after.forEach((step, millis) -> text.append(String.format("%s %.0f µs, ", step,
                (millis - before.getOrDefault(step, 0.0)) * 1000 / shipments)));
        return text.toString();
    }

    /**
     * What PostgreSQL counted so far: WAL records, full-page images and bytes (pg_stat_wal), rows inserted, updated
     * and HOT-updated per table, commits. Waits first: a backend reports its counts when it has been idle a while
     * (up to 10 s in PostgreSQL 17; with 1.5 s a tenth of the rows fell on the wrong side).
     */
    private Map<String, Long> databaseStats() throws InterruptedException {
        Thread.sleep(11_000);
        Map<String, Long> stats = new java.util.TreeMap<>();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            for (Object row : entityManager.createNativeQuery("""
                            select 'wal records', wal_records from pg_stat_wal
                            union all select 'wal fpi', wal_fpi from pg_stat_wal
                            union all select 'wal bytes', wal_bytes::bigint from pg_stat_wal
                            union all select 'wal syncs', wal_sync from pg_stat_wal
                            union all select 'checkpoints', num_timed + num_requested from pg_stat_checkpointer
                            union all select 'commits', xact_commit from pg_stat_database where datname = current_database()
                            union all select relname || ' ins', n_tup_ins from pg_stat_user_tables
                            union all select relname || ' upd', n_tup_upd from pg_stat_user_tables
                            union all select relname || ' hot', n_tup_hot_upd from pg_stat_user_tables
                            union all select relname || ' del', n_tup_del from pg_stat_user_tables""")
                    .getResultList()) {
                Object[] columns = (Object[]) row;
                stats.put((String) columns[0], ((Number) columns[1]).longValue());
            }
        });
        return stats;
    }

    /** The counters that changed, per shipment. */
    private static String perShipment(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder text = new StringBuilder();
        after.forEach((name, value) -> {
            long delta = value - before.getOrDefault(name, 0L);
            if (delta != 0) {
                text.append(String.format("%s %.2f, ", name, (double) delta / END_TO_END));
            }
        });
        return text.toString();
    }

    /** Batch calls of the shipment handler so far and the shipments they got. */
    private double[] batches() {
        var summary = metrics.find("ordercycle.events.batch.size").tag("handler", HANDLER).summary();
        return summary == null ? new double[2] : new double[] {summary.count(), summary.totalAmount()};
    }

    private double fallbacks() {
        var counter = metrics.find("ordercycle.events.poll.fallbacks").tag("topic", "production.shipments").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Total milliseconds per step of the batch handler so far. */
    private Map<String, Double> stepMillis() {
        Map<String, Double> steps = new java.util.TreeMap<>();
        metrics.find("billing.invoicing.step").timers()
                .forEach(timer -> steps.put(timer.getId().getTag("step"),
                        timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)));
        return steps;
    }

    private double endToEnd(int shipments) throws Exception {
        return endToEnd(shipments, new double[1], false);
    }

    /** Shipments per second end to end; {@code drainMillis[0]}: how long the drain took. */
    private double endToEnd(int shipments, double[] drainMillis, boolean withStats) throws Exception {
        List<ShipmentDispatched> events = acceptedOrdersShipped(shipments);
        if (withStats) {
            statsBefore = databaseStats();
        }
        long before = count("select count(*) from invoice");
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.kafka().bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(), ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(), ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (ShipmentDispatched shipment : events) {
                String key = shipment.orderId().toString();
                ProducerRecord<String, String> record = new ProducerRecord<>("production.shipments", key,
                        EventJson.mapper().writeValueAsString(shipment));
                headers(shipment, key).forEach((name, value) -> record.headers().add(name, value.getBytes(UTF_8)));
                producer.send(record);
            }
            producer.flush();
        }
        long drainStart = System.nanoTime();
        long backlog = shipments - (count("select count(*) from invoice") - before);
        long applied;
        do {
            Thread.sleep(20);
            applied = count("select count(*) from invoice") - before;
        } while (applied < shipments);
        drainMillis[0] = (System.nanoTime() - drainStart) / 1e6;
        if (withStats) {
            statsAfter = databaseStats();
        }
        return backlog / (drainMillis[0] / 1e3);
    }

    private double direct(int shipments) throws Exception {
        List<ShipmentDispatched> events = acceptedOrdersShipped(shipments);
        List<IncomingEvent> records = new ArrayList<>(shipments);
        for (int i = 0; i < shipments; i++) {
            ShipmentDispatched shipment = events.get(i);
            String key = shipment.orderId().toString();
            records.add(new IncomingEvent("production.shipments", 0, i, key, headers(shipment, key),
                    EventJson.mapper().writeValueAsString(shipment)));
        }
        long start = System.nanoTime();
        for (int from = 0; from < shipments; from += 500) {
            dispatcher.deliver(records.subList(from, Math.min(shipments, from + 500)),
                    handler -> handler.id().equals(HANDLER));
        }
        return shipments / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * As {@link #direct}, the shipments split among {@code threads} threads (as the channel's copies, one per group
     * of partitions), each delivering its polls of 500 one after the other.
     */
    private double directConcurrently(int shipments, int threads) throws Exception {
        List<ShipmentDispatched> events = acceptedOrdersShipped(shipments);
        List<List<IncomingEvent>> perThread = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            perThread.add(new ArrayList<>());
        }
        for (int i = 0; i < shipments; i++) {
            ShipmentDispatched shipment = events.get(i);
            String key = shipment.orderId().toString();
            perThread.get(i % threads).add(new IncomingEvent("production.shipments", i % threads, i, key,
                    headers(shipment, key), EventJson.mapper().writeValueAsString(shipment)));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (List<IncomingEvent> records : perThread) {
                done.add(pool.submit(() -> {
                    for (int from = 0; from < records.size(); from += 500) {
                        dispatcher.deliver(records.subList(from, Math.min(records.size(), from + 500)),
                                handler -> handler.id().equals(HANDLER));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> thread : done) {
                thread.get();
            }
            return shipments / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** Accepted orders (through the dispatcher, not measured) and one shipment for each. */
    private List<ShipmentDispatched> acceptedOrdersShipped(int count) throws Exception {
        UUID customer = UUID.randomUUID();
        List<IncomingEvent> acceptances = new ArrayList<>(count);
        List<ShipmentDispatched> shipments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID order = UUID.randomUUID();
            OrderAccepted accepted = new OrderAccepted(UUID.randomUUID(), Instant.now(), order, customer,
                    List.of(new OrderLine(1, "SKU-1", new BigDecimal("3"), new Money(new BigDecimal("19.99"), "EUR"),
                            BigDecimal.ZERO, new BigDecimal("19"), "S")),
                    "EUR", 50, LocalDate.now(), "selection-policy", true, null, null, null);
            acceptances.add(new IncomingEvent("sales.orders", 0, i, order.toString(),
                    headers(accepted, order.toString()), EventJson.mapper().writeValueAsString(accepted)));
            shipments.add(new ShipmentDispatched(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), order, customer,
                    List.of(new ShippedLine(1, "SKU-1", new BigDecimal("2"))), "DHL", "T-" + i, "MAIN",
                    Instant.now(), "bench"));
        }
        for (int from = 0; from < count; from += 500) {
            dispatcher.deliver(acceptances.subList(from, Math.min(count, from + 500)));
        }
        return shipments;
    }

    private static Map<String, String> headers(Event event, String key) {
        return Map.of(CloudEventHeaders.TYPE, EventCatalog.of(event.getClass()).name(), CloudEventHeaders.ID,
                event.eventId().toString(), CloudEventHeaders.SUBJECT, key, CloudEventHeaders.SPEC_VERSION, "1.0");
    }
}
