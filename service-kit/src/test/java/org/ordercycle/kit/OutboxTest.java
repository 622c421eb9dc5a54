package org.ordercycle.kit;

import static java.time.temporal.ChronoUnit.MICROS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.ordercycle.kit.KitTestSupport.count;
import static org.ordercycle.kit.KitTestSupport.effectsOf;
import static org.ordercycle.kit.KitTestSupport.orderPlaced;
import static org.ordercycle.kit.KitTestSupport.outOfOrderEffects;
import static org.ordercycle.kit.testing.TopicClient.header;
import static org.ordercycle.kit.testing.TopicClient.readAll;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.kit.outbox.OutboxMonitor;
import org.ordercycle.kit.outbox.OutboxRelay;
import org.ordercycle.testinfra.KafkaBroker;
import org.ordercycle.testinfra.OrderCycleTestResource;
import org.ordercycle.testinfra.TestInfra;

@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(2)
class OutboxTest {

    @Inject
    TestPublisher publisher;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxMonitor monitor;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void committedEventTravelsAsCloudEventKeyedByItsOrder() {
        OrderPlaced placed = orderPlaced(UUID.randomUUID());

        publisher.publish(List.of(placed));

        await().atMost(30, SECONDS).until(() -> effectsOf(dataSource, placed.orderId()) == 1);
        ConsumerRecord<String, String> record = readAll("sales.orders").stream()
                .filter(r -> placed.eventId().toString().equals(header(r, CloudEventHeaders.ID)))
                .findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(placed.orderId().toString());
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("OrderPlaced");
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("kit-test");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(placed.orderId().toString());
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        // PostgreSQL keeps microseconds; the JSON keeps the event's own precision.
        assertThat(Instant.parse(header(record, CloudEventHeaders.TIME))).isCloseTo(placed.occurredAt(), within(1, MICROS));
        assertThat(header(record, CloudEventHeaders.CORRELATION_ID)).isEqualTo(placed.orderId().toString());
        assertThat(header(record, CloudEventHeaders.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(record.value()).contains("\"eventId\":\"" + placed.eventId() + "\"");
        assertThat(count(dataSource, "select count(*) from kit_outbox where event_id = ? and sent_at is not null",
                placed.eventId())).isEqualTo(1);
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        OrderPlaced rolledBack = orderPlaced(UUID.randomUUID());
        OrderPlaced committedAfter = orderPlaced(UUID.randomUUID());

        assertThatThrownBy(() -> publisher.publishAndFail(rolledBack)).isInstanceOf(IllegalStateException.class);
        publisher.publish(List.of(committedAfter));

        // The relay sends in id order: once the later event is handled, the earlier one would have been too.
        await().atMost(30, SECONDS).until(() -> effectsOf(dataSource, committedAfter.orderId()) == 1);
        assertThat(effectsOf(dataSource, rolledBack.orderId())).isZero();
        assertThat(count(dataSource, "select count(*) from kit_outbox where event_id = ?", rolledBack.eventId())).isZero();
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        OrderPlaced placed = orderPlaced(UUID.randomUUID());

        assertThatThrownBy(() -> outbox.publish(placed)).isInstanceOf(TransactionalException.class);
        assertThat(count(dataSource, "select count(*) from kit_outbox where event_id = ?", placed.eventId())).isZero();
    }

    @Test
    void eventPublishedByAHandlerKeepsTheCorrelationIdOfItsCause() {
        OrderCancelled cancelled = new OrderCancelled(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "customer asked", null);

        publisher.publish(List.of(cancelled));

        String reason = "follow-up of " + cancelled.eventId();
        await().atMost(30, SECONDS).until(() -> count(dataSource,
                "select count(*) from kit_outbox where payload like ? and sent_at is not null", "%" + reason + "%") == 1);
        List<ConsumerRecord<String, String>> records = readAll("sales.orders");
        ConsumerRecord<String, String> cause = records.stream()
                .filter(r -> cancelled.eventId().toString().equals(header(r, CloudEventHeaders.ID))).findFirst().orElseThrow();
        ConsumerRecord<String, String> followUp = records.stream()
                .filter(r -> r.value().contains(reason)).findFirst().orElseThrow();
        assertThat(header(followUp, CloudEventHeaders.TYPE)).isEqualTo("OrderDeclined");
        assertThat(header(followUp, CloudEventHeaders.CORRELATION_ID)).isEqualTo(cancelled.orderId().toString());
        assertThat(traceId(header(followUp, CloudEventHeaders.TRACEPARENT)))
                .isEqualTo(traceId(header(cause, CloudEventHeaders.TRACEPARENT)));
    }

    /** (a) An event published while the broker is down waits in the outbox and arrives once it is back. */
    @Test
    void eventPublishedWhileBrokerIsDownArrivesWhenItIsBack() throws Exception {
        KafkaBroker kafka = TestInfra.kafka();
        OrderPlaced placed = orderPlaced(UUID.randomUUID());
        kafka.stop();
        try {
            publisher.publish(List.of(placed));

            Thread.sleep(3_000);
            assertThat(count(dataSource, "select count(*) from kit_outbox where event_id = ? and sent_at is null",
                    placed.eventId())).isEqualTo(1);
            monitor.refresh();
            assertThat(monitor.backlog()).isPositive();
            assertThat(effectsOf(dataSource, placed.orderId())).isZero();
        } finally {
            kafka.start();
        }

        await().atMost(60, SECONDS).until(() -> effectsOf(dataSource, placed.orderId()) == 1);
        assertThat(count(dataSource, "select count(*) from kit_outbox where event_id = ? and sent_at is not null",
                placed.eventId())).isEqualTo(1);
    }

    /** (f) Each order's events are applied in the order they were published, though the relay stops in between. */
    @Test
    void perKeyOrderHoldsAcrossRelayRestart() {
        List<UUID> orders = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
        List<OrderPlaced> firstHalf = new ArrayList<>();
        List<OrderPlaced> secondHalf = new ArrayList<>();
        for (int round = 0; round < 25; round++) {
            for (UUID order : orders) {
                (round < 12 ? firstHalf : secondHalf).add(orderPlaced(order));
            }
        }

        for (int i = 0; i < firstHalf.size(); i += 40) {
            publisher.publish(firstHalf.subList(i, Math.min(i + 40, firstHalf.size())));
        }
        relay.stop();
        try {
            for (int i = 0; i < secondHalf.size(); i += 40) {
                publisher.publish(secondHalf.subList(i, Math.min(i + 40, secondHalf.size())));
            }
            assertThat(count(dataSource, "select count(*) from kit_outbox where sent_at is null")).isPositive();
        } finally {
            relay.start();
        }

        await().atMost(60, SECONDS).until(() -> count(dataSource,
                "select count(*) from test_effect where order_id = any(?)", (Object) orders.toArray(UUID[]::new)) == 500);
        assertThat(count(dataSource, "select count(distinct event_id) from test_effect where order_id = any(?)",
                (Object) orders.toArray(UUID[]::new))).isEqualTo(500);
        assertThat(outOfOrderEffects(dataSource, orders)).isZero();
    }

    /**
     * Two transactions publish for one order without anything else to make them conflict; the one that started first
     * commits last if it can. The topic holds the events in the order the transactions committed.
     */
    @Test
    void concurrentPublishersOfOneKeyAreSentInCommitOrder() throws Exception {
        UUID order = UUID.randomUUID();
        OrderPlaced startedFirst = orderPlaced(order);
        OrderPlaced startedSecond = orderPlaced(order);
        CountDownLatch firstPublished = new CountDownLatch(1);
        AtomicBoolean secondCommittedFirst = new AtomicBoolean();
        relay.stop(); // so that the relay reads both rows only after both commits, in id order
        try {
            CompletableFuture<Void> secondWriter = CompletableFuture.runAsync(() -> {
                try {
                    firstPublished.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                QuarkusTransaction.requiringNew().run(() -> outbox.publish(startedSecond));
            });
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(startedFirst);
                firstPublished.countDown();
                // Commit only after the second writer has committed, or once it waits for a lock this one holds.
                await().atMost(20, SECONDS).until(() -> secondWriter.isDone() || count(dataSource,
                        "select count(*) from pg_locks where locktype = 'advisory' and not granted") > 0);
                secondCommittedFirst.set(secondWriter.isDone());
            });
            secondWriter.get(20, SECONDS);
        } finally {
            relay.start();
        }
        List<String> commitOrder = (secondCommittedFirst.get() ? List.of(startedSecond, startedFirst)
                : List.of(startedFirst, startedSecond)).stream().map(event -> event.eventId().toString()).toList();

        await().atMost(30, SECONDS).until(() -> effectsOf(dataSource, order) == 2);
        List<String> onTopic = readAll("sales.orders").stream()
                .filter(record -> order.toString().equals(record.key()))
                .map(record -> header(record, CloudEventHeaders.ID))
                .toList();
        assertThat(onTopic).as("events on the topic, in the order the transactions committed").isEqualTo(commitOrder);
    }

    private static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }
}
