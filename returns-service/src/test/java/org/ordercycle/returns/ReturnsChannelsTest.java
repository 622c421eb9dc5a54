package org.ordercycle.returns;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.Event;
import org.ordercycle.events.EventCatalog;
import org.ordercycle.events.Money;
import org.ordercycle.events.billing.InvoiceOverdue;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.testing.KitMetrics;
import org.ordercycle.kit.testing.TopicClient;

/** Returns reads every topic it subscribes to and, having no handlers yet, skips what it reads without stopping. */
@QuarkusTest
@WithTestResource(ReturnsTestResource.class)
class ReturnsChannelsTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void readsAnEventFromEachOfItsTopics() {
        // One event per subscribed topic, of a type returns does not handle (yet): it can only be counted as skipped.
        List<Event> events = List.of(
                orderPlaced(),
                new ShipmentDelivered(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                        Instant.now()),
                new InvoiceOverdue(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), 14,
                        new Money(new BigDecimal("119.00"), "EUR")));
        Map<String, Double> before = events.stream().map(ReturnsChannelsTest::typeOf)
                .collect(Collectors.toMap(Function.identity(), this::skipped));

        events.forEach(TopicClient::sendEvent);

        await().atMost(30, SECONDS).untilAsserted(() -> before.forEach((type, skippedBefore) ->
                assertThat(skipped(type)).as("skipped " + type).isGreaterThan(skippedBefore)));
    }

    @Test
    void unreadableRecordDoesNotStopTheConsumer() {
        OrderPlaced next = orderPlaced();
        String key = next.orderId().toString();
        double skippedBefore = skipped("OrderPlaced");

        // Same key: same partition, so the good record is read only after the unreadable one.
        TopicClient.send("sales.orders", key, "{not json", Map.of("ce_type", "OrderPlaced"));
        TopicClient.sendEvent(next);

        await().atMost(30, SECONDS).until(() -> skipped("OrderPlaced") >= skippedBefore + 2);
    }

    private static OrderPlaced orderPlaced() {
        return new OrderPlaced(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), List.of(),
                "EUR", null, null, "sam");
    }

    private static String typeOf(Event event) {
        return EventCatalog.of(event.getClass()).name();
    }

    private double skipped(String type) {
        return KitMetrics.count(metrics, "ordercycle.events.skipped", "type", type);
    }
}
