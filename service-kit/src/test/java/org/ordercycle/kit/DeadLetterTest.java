package org.ordercycle.kit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordercycle.kit.KitTestSupport.count;
import static org.ordercycle.kit.KitTestSupport.effectsOf;
import static org.ordercycle.kit.KitTestSupport.orderPlaced;
import static org.ordercycle.kit.testing.TopicClient.header;
import static org.ordercycle.kit.testing.TopicClient.readAll;
import static org.ordercycle.kit.testing.TopicClient.send;
import static org.ordercycle.kit.testing.TopicClient.sendEvent;

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
import org.ordercycle.kit.deadletter.DeadLetter;
import org.ordercycle.kit.deadletter.DeadLetters;
import org.ordercycle.kit.outbox.OutboxRelay;
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

    @Inject
    DeadLetters deadLetters;

    @Inject
    OutboxRelay relay;

    /**
     * Records that can never be applied — unreadable, untyped, missing a required field — are dead-lettered at once,
     * kept by this service and copied to the .dlq naming it; the records after them are applied.
     */
    @Test
    void poisonIsDeadLetteredAtOnceAndConsumptionGoesOn() throws Exception {
        String unreadableKey = UUID.randomUUID().toString();
        String untypedKey = UUID.randomUUID().toString();
        OrderPlaced keyless = new OrderPlaced(UUID.randomUUID(), Instant.now(), null, UUID.randomUUID(),
                orderPlaced(UUID.randomUUID()).lines(), "EUR", null, null, "alice", null, null);
        OrderPlaced good = orderPlaced(UUID.randomUUID());
        double deadLetteredBefore = deadLettered();

        send("sales.orders", unreadableKey, "{\"eventId\": \"not a uuid\", ", cloudEvent("OrderPlaced", unreadableKey));
        send("sales.orders", untypedKey, EventJson.mapper().writeValueAsString(good), Map.of());
        send("sales.orders", "no-key", EventJson.mapper().writeValueAsString(keyless), cloudEvent("OrderPlaced", "no-key"));
        publisher.publish(List.of(good));

        await().atMost(30, SECONDS).until(() -> effectsOf(dataSource, good.orderId()) == 1);
        await().atMost(10, SECONDS).until(() -> deadLetterWithKey(unreadableKey) != null
                && deadLetterWithKey(untypedKey) != null && deadLetterWithKey("no-key") != null);

        assertThat(deadLetterWithKey(unreadableKey).reason()).startsWith("unreadable OrderPlaced");
        assertThat(deadLetterWithKey(untypedKey).reason()).contains("no ce_type header");
        assertThat(deadLetterWithKey("no-key").reason()).contains("lacks required").contains("orderId");
        DeadLetter unreadable = deadLetterWithKey(unreadableKey);
        assertThat(unreadable.topic()).isEqualTo("sales.orders");
        assertThat(unreadable.payload()).isEqualTo("{\"eventId\": \"not a uuid\", ");
        assertThat(unreadable.handler()).isNull();
        assertThat(unreadable.resolved()).isFalse();
        assertThat(deadLettered() - deadLetteredBefore).isEqualTo(3);

        await().atMost(30, SECONDS).until(() -> readAll("sales.orders.dlq").stream()
                .anyMatch(record -> unreadableKey.equals(record.key())));
        ConsumerRecord<String, String> copy = readAll("sales.orders.dlq").stream()
                .filter(record -> unreadableKey.equals(record.key())).findFirst().orElseThrow();
        assertThat(copy.value()).isEqualTo("{\"eventId\": \"not a uuid\", ");
        assertThat(header(copy, "dead-letter-reason")).startsWith("unreadable OrderPlaced");
        assertThat(header(copy, "dead-letter-topic")).isEqualTo("sales.orders");
        assertThat(header(copy, "dead-letter-partition")).isEqualTo(Integer.toString(unreadable.partition()));
        assertThat(header(copy, "dead-letter-offset")).isEqualTo(Long.toString(unreadable.offset()));
        assertThat(header(copy, "dead-letter-consumer")).isEqualTo("kit-test");
        assertThat(header(copy, "dead-letter-id")).isEqualTo(unreadable.id().toString());
        assertThat(header(copy, "ce_type")).isEqualTo("OrderPlaced");
    }

    /**
     * A handler that keeps failing with the same exception is retried in place, then dead-lettered with that
     * exception; the records of the same poll before and after it are applied.
     */
    @Test
    void handlerFailingEveryTimeIsDeadLetteredWithItsExceptionAfterItsAttempts() throws Exception {
        OrderPlaced before = orderPlaced(UUID.randomUUID());
        OrderPlaced refused = orderPlaced(UUID.randomUUID(), TestOrderHandlers.REFUSED);
        OrderPlaced after = orderPlaced(UUID.randomUUID());
        double retriesBefore = KitMetrics.count(metrics, "ordercycle.events.failure.retries", "topic", "sales.orders");

        publisher.publish(List.of(before, refused, after));

        await().atMost(30, SECONDS).until(() -> effectsOf(dataSource, after.orderId()) == 1
                && effectsOf(dataSource, before.orderId()) == 1 && deadLetterWithKey(refused.orderId().toString()) != null);
        assertThat(effectsOf(dataSource, refused.orderId())).isZero();
        DeadLetter deadLetter = deadLetterWithKey(refused.orderId().toString());
        assertThat(deadLetter.handler()).isEqualTo(TestOrderHandlers.ID);
        assertThat(deadLetter.attempts()).isEqualTo(3);
        assertThat(deadLetter.eventId()).isEqualTo(refused.eventId());
        assertThat(deadLetter.reason()).contains("failed 3 times in a row").contains("not allowed to place orders");
        assertThat(deadLetter.exception()).contains("IllegalArgumentException").contains("TestOrderHandlers.on");
        assertThat(deadLetter.headers()).containsEntry("ce_type", "OrderPlaced");
        // The other handler of OrderPlaced did its part: only the failing one is dead-lettered.
        assertThat(count(dataSource, "select count(*) from test_late_effect where event_id = ?", refused.eventId()))
                .isEqualTo(1);
        assertThat(KitMetrics.count(metrics, "ordercycle.events.failure.retries", "topic", "sales.orders")
                - retriesBefore).isGreaterThanOrEqualTo(3);
    }

    /** A unique-key race is a conflict, not a bug: tried again in place and applied once. */
    @Test
    void conflictWithAConcurrentTransactionIsRetriedInPlace() throws Exception {
        OrderPlaced racing = orderPlaced(UUID.randomUUID(), TestOrderHandlers.RACE_ONCE);
        double conflictsBefore = KitMetrics.count(metrics, "ordercycle.events.conflict.retries", "topic", "sales.orders");

        publisher.publish(List.of(racing));

        await().atMost(30, SECONDS).until(() -> effectsOf(dataSource, racing.orderId()) == 1);
        assertThat(TestOrderHandlers.raced).contains(racing.eventId());
        assertThat(KitMetrics.count(metrics, "ordercycle.events.conflict.retries", "topic", "sales.orders")
                - conflictsBefore).isGreaterThanOrEqualTo(1);
        assertThat(deadLetterWithKey(racing.orderId().toString())).isNull();
    }

    /** A failure of the service's own database is an outage, not poison: the record waits, then is applied. */
    @Test
    void databaseOutageIsRetriedInPlaceAndNeverDeadLettered() throws Exception {
        OrderPlaced placed = orderPlaced(UUID.randomUUID());
        String key = placed.orderId().toString();
        double retriesBefore = outageRetries();

        TestInfra.postgres().stop();
        try {
            send("sales.orders", key, EventJson.mapper().writeValueAsString(placed), cloudEvent("OrderPlaced", key));
            await().atMost(30, SECONDS).until(() -> outageRetries() - retriesBefore >= 2);
        } finally {
            TestInfra.postgres().start();
        }

        // The pooled connections died with the server; the service finds that out by itself, the test's queries need not.
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
        await().atMost(60, SECONDS).ignoreExceptions().until(() -> effectsOf(dataSource, placed.orderId()) == 1);
        assertThat(deadLetterWithKey(key)).isNull();
    }

    /**
     * The dead-letter copy goes through the outbox: with the broker refusing it (here: the relay stopped) the dead
     * letter is kept, consumption goes on, and the copy reaches the .dlq once the relay runs again.
     */
    @Test
    void deadLetterCopyThatCannotBeSentWaitsInTheOutboxAndConsumptionGoesOn() throws Exception {
        String key = UUID.randomUUID().toString();
        OrderPlaced next = orderPlaced(UUID.randomUUID());
        relay.stop();
        try {
            send("sales.orders", key, "not json at all", cloudEvent("OrderPlaced", key));
            sendEvent(next);
            await().atMost(30, SECONDS).until(() -> effectsOf(dataSource, next.orderId()) == 1);
            DeadLetter deadLetter = deadLetterWithKey(key);
            assertThat(deadLetter).isNotNull();
            assertThat(count(dataSource, "select count(*) from kit_outbox where event_id = ? and sent_at is null",
                    deadLetter.id())).isEqualTo(1);
        } finally {
            relay.start();
        }
        await().atMost(30, SECONDS).until(() -> count(dataSource,
                "select count(*) from kit_outbox where topic = 'sales.orders.dlq' and event_key = ? and sent_at is not null",
                key) == 1);
        assertThat(readAll("sales.orders.dlq")).anyMatch(record -> key.equals(record.key())
                && "kit-test".equals(header(record, "dead-letter-consumer")));
    }

    private DeadLetter deadLetterWithKey(String key) throws Exception {
        return deadLetters.list("sales.orders", true, 1000).stream().filter(d -> key.equals(d.key())).findFirst()
                .orElse(null);
    }

    private double deadLettered() {
        return KitMetrics.count(metrics, "ordercycle.events.dead.lettered", "topic", "sales.orders");
    }

    private double outageRetries() {
        return KitMetrics.count(metrics, "ordercycle.events.outage.retries", "topic", "sales.orders");
    }

    static Map<String, String> cloudEvent(String type, String key) {
        return Map.of(CloudEventHeaders.TYPE, type, CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.SUBJECT, key, CloudEventHeaders.SPEC_VERSION, "1.0");
    }
}
