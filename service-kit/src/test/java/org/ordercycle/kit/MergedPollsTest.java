package org.ordercycle.kit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordercycle.kit.KitTestSupport.count;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.production.ShippedLine;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.testinfra.OrderCycleTestResource;

/**
 * Polls that come while the consumer applies an earlier one are applied together in the next transaction (the kit's
 * default {@code consumer.merge-polls}), through the live channel: in their order, each event once.
 */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(7)
class MergedPollsTest {

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void pollsThatCameWhileOneWasAppliedAreAppliedTogetherInTheirOrderEachOnce() throws Exception {
        UUID order = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into test_accepted_order (order_id, unit_price) values (?, 10.00)")) {
            insert.setObject(1, order);
            insert.executeUpdate();
        }
        ShipmentDispatched blocking = shipment(order);
        List<ShipmentDispatched> behind = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            behind.add(shipment(order));
        }
        Set<UUID> mine = new java.util.HashSet<>(ids(behind));
        mine.add(blocking.shipmentId());

        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("lock table test_invoice in share mode"); // the consumer's invoices wait for it
            }
            publish(blocking);
            await().atMost(30, SECONDS).until(() -> count(dataSource, "select count(*) from pg_locks"
                    + " where relation = 'test_invoice'::regclass and not granted") > 0);
            // Each in a transaction of its own, sent by the relay before the next: polls of their own.
            for (ShipmentDispatched shipment : behind) {
                publish(shipment);
                await().atMost(30, SECONDS).until(() -> count(dataSource,
                        "select count(*) from kit_outbox where event_id = ? and sent_at is not null",
                        shipment.eventId()) == 1);
                Thread.sleep(50);
            }
            Thread.sleep(1_000); // the consumer fetches them meanwhile
            locker.rollback();
        }

        await().atMost(30, SECONDS).until(() -> count(dataSource,
                "select count(*) from test_invoice where order_id = ?", order) == 11);
        List<List<UUID>> calls = TestShipmentHandlers.batches.stream()
                .filter(call -> call.stream().anyMatch(mine::contains)).toList();
        assertThat(calls).as("calls of the batch handler: the blocked one, then everything that came meanwhile")
                .containsExactly(List.of(blocking.shipmentId()), ids(behind));
        assertThat(count(dataSource, "select count(distinct shipment_id) from test_invoice where order_id = ?", order))
                .as("each shipment invoiced once").isEqualTo(11);
    }

    private void publish(ShipmentDispatched shipment) {
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(shipment));
    }

    private static List<UUID> ids(List<ShipmentDispatched> shipments) {
        return shipments.stream().map(ShipmentDispatched::shipmentId).toList();
    }

    private static ShipmentDispatched shipment(UUID order) {
        return new ShipmentDispatched(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), order, UUID.randomUUID(),
                List.of(new ShippedLine(1, "SKU-1", new BigDecimal("2"))), "DHL", "T-1", "MAIN", Instant.now(), null);
    }
}
