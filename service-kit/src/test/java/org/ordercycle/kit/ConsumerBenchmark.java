package org.ordercycle.kit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ordercycle.kit.KitTestSupport.count;
import static org.ordercycle.kit.KitTestSupport.orderPlaced;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import org.ordercycle.events.Event;
import org.ordercycle.events.EventCatalog;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.Money;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.inbox.EventDispatcher;
import org.ordercycle.kit.inbox.IncomingEvent;
import org.ordercycle.testinfra.OrderCycleTestResource;
import org.ordercycle.testinfra.TestInfra;

/**
 * How many events per second one consumer applies, on durable PostgreSQL (fsync, synchronous_commit and
 * full_page_writes on). Not part of the build; run it with the command in the kit README. It prints, in one run:
 * <ol>
 * <li>end to end: events produced onto {@code sales.orders}, consumed by the live channel (one transaction per
 * poll); measured while the consumer drains the backlog left when the producer has finished (so the producer does
 * not share the CPU during the measurement) — OrderAccepted, which one simple handler applies (one insert), and
 * OrderPlaced, which two handlers apply (one insert each);</li>
 * <li>the dispatcher alone with one simple handler (one insert), one transaction per poll of 500;</li>
 * <li>the same, one transaction per record — what the kit did before.</li>
 * </ol>
 */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true") // it restarts PostgreSQL: never inside a test run
class ConsumerBenchmark {

    private static final int END_TO_END = Integer.getInteger("benchmark.events", 50_000);
    private static final int DIRECT = Integer.getInteger("benchmark.direct-events", 10_000);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventDispatcher dispatcher;

    @Test
    void eventsPerSecondOfOneConsumer() throws Exception {
        TestInfra.postgres().setDurable(true);
        try {
            endToEnd(5_000, true); // warm-up: JIT, connections, consumer fetch sessions
            double oneHandler = endToEnd(END_TO_END, true);
            double endToEnd = endToEnd(END_TO_END, false);
            double batched = direct(DIRECT, 500);
            double perRecord = direct(DIRECT, 1);
            System.out.printf("%n=== Consumer benchmark (%d cores, durable PostgreSQL) ===%n",
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("end to end, live channel, 1 simple handler, one transaction per poll: %,8.0f events/s (%,d events)%n",
                    oneHandler, END_TO_END);
            System.out.printf("end to end, live channel, 2 handlers, one transaction per poll:      %,8.0f events/s (%,d events)%n",
                    endToEnd, END_TO_END);
            System.out.printf("dispatcher, 1 simple handler, one transaction per poll of 500:  %,8.0f events/s (%,d events)%n",
                    batched, DIRECT);
            System.out.printf("dispatcher, 1 simple handler, one transaction per record:       %,8.0f events/s (%,d events)%n%n",
                    perRecord, DIRECT);
            assertThat(batched).isGreaterThan(perRecord);
        } finally {
            TestInfra.postgres().setDurable(false);
        }
    }

    private double endToEnd(int events, boolean oneHandler) throws Exception {
        List<Event> orders = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            orders.add(oneHandler ? orderAccepted(UUID.randomUUID()) : orderPlaced(UUID.randomUUID()));
        }
        String effects = oneHandler ? "select count(*) from test_accepted_order" : "select count(*) from test_late_effect";
        long before = count(dataSource, effects);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (Event order : orders) {
                String key = EventKeys.keyOf(order, EventCatalog.of(order.getClass()));
                ProducerRecord<String, String> record = new ProducerRecord<>("sales.orders", key,
                        EventJson.mapper().writeValueAsString(order));
                headers(order, key).forEach((name, value) -> record.headers().add(name, value.getBytes(UTF_8)));
                producer.send(record);
            }
            producer.flush();
        }
        long drainStart = System.nanoTime();
        long backlog = events - (count(dataSource, effects) - before);
        long applied;
        do {
            Thread.sleep(20);
            applied = count(dataSource, effects) - before;
        } while (applied < events);
        return backlog / ((System.nanoTime() - drainStart) / 1e9);
    }

    private double direct(int events, int batchSize) throws Exception {
        List<IncomingEvent> records = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            OrderPlaced order = orderPlaced(UUID.randomUUID());
            records.add(new IncomingEvent("sales.orders", 0, i, order.orderId().toString(),
                    headers(order, order.orderId().toString()), EventJson.mapper().writeValueAsString(order)));
        }
        long start = System.nanoTime();
        for (int from = 0; from < events; from += batchSize) {
            dispatcher.deliver(records.subList(from, Math.min(events, from + batchSize)),
                    handler -> handler.id().equals(TestOrderHandlers.ID));
        }
        return events / ((System.nanoTime() - start) / 1e9);
    }

    private static Map<String, String> headers(Event event, String key) {
        return Map.of(CloudEventHeaders.TYPE, EventCatalog.of(event.getClass()).name(), CloudEventHeaders.ID,
                event.eventId().toString(), CloudEventHeaders.SUBJECT, key, CloudEventHeaders.SPEC_VERSION, "1.0");
    }

    private static OrderAccepted orderAccepted(UUID orderId) {
        return new OrderAccepted(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(),
                List.of(new OrderLine(1, "SKU-1", BigDecimal.ONE, new Money(BigDecimal.TEN, "EUR"), BigDecimal.ZERO,
                        BigDecimal.TEN, null)), "EUR", 50, LocalDate.now(), "selection-policy", true, null, null, null);
    }
}
