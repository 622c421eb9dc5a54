package org.ordercycle.kit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ordercycle.kit.KitTestSupport.count;
import static org.ordercycle.kit.KitTestSupport.orderPlaced;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.EventJson;
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
 * poll), from the first to the last applied — with both of the kit test service's handlers of OrderPlaced (each
 * inserts one row);</li>
 * <li>the dispatcher alone with one simple handler (one insert), one transaction per poll of 500;</li>
 * <li>the same, one transaction per record — what the kit did before.</li>
 * </ol>
 */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
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
            double endToEnd = endToEnd(END_TO_END);
            double batched = direct(DIRECT, 500);
            double perRecord = direct(DIRECT, 1);
            System.out.printf("%n=== Consumer benchmark (%d cores, durable PostgreSQL) ===%n",
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("end to end, live channel, 2 handlers, one transaction per poll: %,8.0f events/s (%,d events)%n",
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

    private double endToEnd(int events) throws Exception {
        List<OrderPlaced> orders = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            orders.add(orderPlaced(UUID.randomUUID()));
        }
        long before = count(dataSource, "select count(*) from test_late_effect");
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (OrderPlaced order : orders) {
                ProducerRecord<String, String> record = new ProducerRecord<>("sales.orders", order.orderId().toString(),
                        EventJson.mapper().writeValueAsString(order));
                headers(order).forEach((name, value) -> record.headers().add(name, value.getBytes(UTF_8)));
                producer.send(record);
            }
            producer.flush();
        }
        long first = 0;
        long applied;
        do {
            Thread.sleep(20);
            applied = count(dataSource, "select count(*) from test_late_effect") - before;
            if (first == 0 && applied > 0) {
                first = System.nanoTime();
            }
        } while (applied < events);
        return events / ((System.nanoTime() - first) / 1e9);
    }

    private double direct(int events, int batchSize) throws Exception {
        List<IncomingEvent> records = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            OrderPlaced order = orderPlaced(UUID.randomUUID());
            records.add(new IncomingEvent("sales.orders", 0, i, order.orderId().toString(), headers(order),
                    EventJson.mapper().writeValueAsString(order)));
        }
        long start = System.nanoTime();
        for (int from = 0; from < events; from += batchSize) {
            dispatcher.deliver(records.subList(from, Math.min(events, from + batchSize)),
                    handler -> handler.id().equals(TestOrderHandlers.ID));
        }
        return events / ((System.nanoTime() - start) / 1e9);
    }

    private static Map<String, String> headers(OrderPlaced order) {
        return Map.of(CloudEventHeaders.TYPE, "OrderPlaced", CloudEventHeaders.ID, order.eventId().toString(),
                CloudEventHeaders.SUBJECT, order.orderId().toString(), CloudEventHeaders.SPEC_VERSION, "1.0");
    }
}
