package org.ordercycle.kit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordercycle.kit.KitTestSupport.effectsOf;
import static org.ordercycle.kit.KitTestSupport.orderPlaced;
import static org.ordercycle.kit.testing.TopicClient.header;
import static org.ordercycle.kit.testing.TopicClient.readAll;
import static org.ordercycle.kit.testing.TopicClient.send;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.testing.KitMetrics;
import org.ordercycle.testinfra.OrderCycleTestResource;
import org.ordercycle.testinfra.TestInfra;

@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(3)
class DeadLetterTest {

    @Inject
    TestPublisher publisher;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    /** (d) Unreadable, invalid and refused records go to the dead-letter topic; the next good record is handled. */
    @Test
    void poisonGoesToDeadLetterTopicWithItsReasonAndConsumptionGoesOn() throws Exception {
        String unreadableKey = UUID.randomUUID().toString();
        String untypedKey = UUID.randomUUID().toString();
        OrderPlaced keyless = new OrderPlaced(UUID.randomUUID(), Instant.now(), null, UUID.randomUUID(),
                List.of(), "EUR", null, null, "alice");
        OrderPlaced refused = orderPlaced(UUID.randomUUID(), TestOrderHandlers.REFUSED);
        OrderPlaced good = orderPlaced(UUID.randomUUID());
        double deadLetteredBefore = deadLettered();

        send("sales.orders", unreadableKey, "{\"eventId\": \"not a uuid\", ", cloudEvent("OrderPlaced", unreadableKey));
        send("sales.orders", untypedKey, EventJson.mapper().writeValueAsString(good), Map.of());
        send("sales.orders", "no-key", EventJson.mapper().writeValueAsString(keyless), cloudEvent("OrderPlaced", "no-key"));
        publisher.publish(List.of(refused, good));

        await().atMost(30, SECONDS).until(() -> effectsOf(dataSource, good.orderId()) == 1);
        assertThat(effectsOf(dataSource, refused.orderId())).isZero();
        await().atMost(30, SECONDS).until(() -> readAll("sales.orders.dlq").size() >= 4);
        List<ConsumerRecord<String, String>> deadLetters = readAll("sales.orders.dlq");

        assertThat(reason(deadLetters, unreadableKey)).startsWith("unreadable OrderPlaced");
        assertThat(reason(deadLetters, untypedKey)).contains("no ce_type header");
        assertThat(reason(deadLetters, "no-key")).contains("has no orderId");
        assertThat(reason(deadLetters, refused.orderId().toString()))
                .contains("could not be applied").contains("not allowed to place orders");
        ConsumerRecord<String, String> unreadable = deadLetter(deadLetters, unreadableKey);
        assertThat(header(unreadable, "dead-letter-topic")).isEqualTo("sales.orders");
        assertThat(header(unreadable, "dead-letter-offset")).isNotNull();
        assertThat(header(unreadable, "dead-letter-partition")).isNotNull();
        assertThat(unreadable.value()).isEqualTo("{\"eventId\": \"not a uuid\", ");
        assertThat(deadLettered() - deadLetteredBefore).isEqualTo(4);
    }

    private double deadLettered() {
        return KitMetrics.count(metrics, "ordercycle.events.dead.lettered", "topic", "sales.orders");
    }

    /** A failure of the service's own database is an outage, not poison: the record waits, then is applied. */
    @Test
    void databaseOutageIsRetriedAndNeverDeadLettered() throws Exception {
        OrderPlaced placed = orderPlaced(UUID.randomUUID());
        String key = placed.orderId().toString();

        TestInfra.postgres().stop();
        try {
            send("sales.orders", key, EventJson.mapper().writeValueAsString(placed), cloudEvent("OrderPlaced", key));
            Thread.sleep(4_000);
        } finally {
            TestInfra.postgres().start();
        }

        await().atMost(60, SECONDS).until(() -> effectsOf(dataSource, placed.orderId()) == 1);
        assertThat(readAll("sales.orders.dlq")).noneMatch(record -> key.equals(record.key()));
    }

    private static Map<String, String> cloudEvent(String type, String key) {
        return Map.of(CloudEventHeaders.TYPE, type, CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.SUBJECT, key, CloudEventHeaders.SPEC_VERSION, "1.0");
    }

    private static ConsumerRecord<String, String> deadLetter(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(record -> key.equals(record.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter with key " + key));
    }

    private static String reason(List<ConsumerRecord<String, String>> records, String key) {
        return header(deadLetter(records, key), "dead-letter-reason");
    }
}
