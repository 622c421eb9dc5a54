package org.ordercycle.kit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ordercycle.kit.KitTestSupport.count;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderDeclined;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.kit.outbox.Publication;
import org.ordercycle.testinfra.OrderCycleTestResource;

/** {@link Outbox#publishAll}: the guarantees of {@code publish} for many events in two statements. */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(2)
class OutboxPublishAllTest {

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eventsOfOneKeyGetIdsInTheOrderGivenAndInheritTheirCausesContext() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<OrderDeclined> events = List.of(declined(first), declined(second), declined(first), declined(second),
                declined(first));
        EventContext cause = new EventContext("correlation-of-the-cause",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(
                events.stream().map(event -> new Publication(event, cause)).toList()));

        assertThat(eventIdsInIdOrder(first)).containsExactly(events.get(0).eventId(), events.get(2).eventId(),
                events.get(4).eventId());
        assertThat(eventIdsInIdOrder(second)).containsExactly(events.get(1).eventId(), events.get(3).eventId());
        assertThat(count(dataSource, "select count(*) from kit_outbox where event_key = any(?::text[]) and correlation_id = ?"
                + " and traceparent = ? and topic = 'sales.orders' and event_type = 'OrderDeclined'",
                new UUID[] {first, second}, cause.correlationId(), cause.traceparent())).isEqualTo(5);
    }

    @Test
    void aPublisherOfTheSameKeyWaitsUntilTheBatchCommitsSoIdsFollowCommitOrder() throws Exception {
        UUID key = UUID.randomUUID();
        OrderDeclined batched = declined(key);
        OrderDeclined single = declined(key);
        CountDownLatch published = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publishAll(List.of(Publication.of(declined(UUID.randomUUID())), Publication.of(batched)));
            published.countDown();
            await(commit);
        }));
        assertThat(published.await(10, SECONDS)).isTrue();
        CompletableFuture<Void> other = CompletableFuture.runAsync(
                () -> QuarkusTransaction.requiringNew().run(() -> outbox.publish(single)));

        Thread.sleep(500);
        assertThat(other).as("the second publisher waits for the lock of the key").isNotDone();
        commit.countDown();
        batch.get(10, SECONDS);
        other.get(10, SECONDS);
        assertThat(eventIdsInIdOrder(key)).containsExactly(batched.eventId(), single.eventId());
    }

    @Test
    void batchesOfTheSameKeysInOppositeOrdersDoNotDeadlock() throws Exception {
        UUID x = UUID.randomUUID();
        UUID y = UUID.randomUUID();
        List<CompletableFuture<Void>> publishers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            boolean reversed = i == 1;
            publishers.add(CompletableFuture.runAsync(() -> {
                for (int round = 0; round < 15; round++) {
                    QuarkusTransaction.requiringNew().run(() -> {
                        outbox.publishAll(reversed
                                ? List.of(Publication.of(declined(y)), Publication.of(declined(x)))
                                : List.of(Publication.of(declined(x)), Publication.of(declined(y))));
                        sleep(10);
                    });
                }
            }));
        }
        for (CompletableFuture<Void> publisher : publishers) {
            publisher.get(60, SECONDS);
        }
        assertThat(eventIdsInIdOrder(x)).hasSize(30);
        assertThat(eventIdsInIdOrder(y)).hasSize(30);
    }

    private List<UUID> eventIdsInIdOrder(UUID key) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select event_id from kit_outbox where event_key = ? order by id")) {
            query.setString(1, key.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private static OrderDeclined declined(UUID orderId) {
        return new OrderDeclined(UUID.randomUUID(), Instant.now(), orderId, "publishAll test", "kit-test");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
