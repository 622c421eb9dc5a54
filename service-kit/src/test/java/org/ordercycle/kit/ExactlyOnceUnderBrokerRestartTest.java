package org.ordercycle.kit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordercycle.kit.KitTestSupport.count;
import static org.ordercycle.kit.KitTestSupport.orderPlaced;
import static org.ordercycle.kit.KitTestSupport.outOfOrderEffects;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.testing.KitMetrics;
import org.ordercycle.testinfra.KafkaBroker;
import org.ordercycle.testinfra.OrderCycleTestResource;
import org.ordercycle.testinfra.TestInfra;

/** (e) Ten thousand events through outbox, broker and inbox while the broker is killed and restarted: each applied exactly once. */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(4)
class ExactlyOnceUnderBrokerRestartTest {

    private static final int EVENTS = 10_000;
    private static final int PER_TRANSACTION = 100;
    private static final int ORDERS = 200;

    @Inject
    TestPublisher publisher;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Test
    void everyEventIsAppliedExactlyOnceInOrderThoughTheBrokerRestarts() throws Exception {
        List<UUID> orders = IntStream.range(0, ORDERS).mapToObj(i -> UUID.randomUUID()).toList();
        UUID[] orderIds = orders.toArray(UUID[]::new);
        double sentBefore = counter("ordercycle.outbox.sent");
        double duplicatesBefore = counter("ordercycle.events.duplicates");
        long started = System.nanoTime();

        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
            for (int transaction = 0; transaction < EVENTS / PER_TRANSACTION; transaction++) {
                List<OrderPlaced> events = new ArrayList<>(PER_TRANSACTION);
                for (int i = 0; i < PER_TRANSACTION; i++) {
                    events.add(orderPlaced(orders.get((transaction * PER_TRANSACTION + i) % ORDERS)));
                }
                publisher.publish(events);
            }
        });

        await().atMost(120, SECONDS).until(() -> effects(orderIds) >= EVENTS / 3);
        KafkaBroker kafka = TestInfra.kafka();
        long appliedAtRestart = effects(orderIds);
        kafka.kill();
        Thread.sleep(2_000);
        kafka.start();
        publishing.get(120, SECONDS);

        await().atMost(240, SECONDS).pollInterval(Duration.ofMillis(500)).until(() -> effects(orderIds) >= EVENTS);
        double seconds = (System.nanoTime() - started) / 1e9;
        Thread.sleep(3_000); // late redeliveries would show now
        long applied = effects(orderIds);
        long distinct = count(dataSource, "select count(distinct event_id) from test_effect where order_id = any(?)",
                (Object) orderIds);
        double sent = counter("ordercycle.outbox.sent") - sentBefore;
        double duplicates = counter("ordercycle.events.duplicates") - duplicatesBefore;

        System.out.printf("%nExactly-once under broker restart: published %d, broker killed and restarted after %d applied,"
                + " sent by relay %.0f, applied %d (distinct %d), duplicates skipped by the inbox %.0f, %.1f s (%.0f events/s)%n%n",
                EVENTS, appliedAtRestart, sent, applied, distinct, duplicates, seconds, EVENTS / seconds);
        assertThat(applied).isEqualTo(EVENTS);
        assertThat(distinct).isEqualTo(EVENTS);
        assertThat(sent).isGreaterThanOrEqualTo(EVENTS);
        assertThat(outOfOrderEffects(dataSource, orders)).isZero();
    }

    private long effects(UUID[] orderIds) {
        return count(dataSource, "select count(*) from test_effect where order_id = any(?)", (Object) orderIds);
    }

    private double counter(String name) {
        return KitMetrics.count(metrics, name);
    }
}
