package org.ordercycle.kit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordercycle.kit.KitTestSupport.count;
import static org.ordercycle.kit.testing.TopicClient.sendEvent;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.Money;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.production.ShippedLine;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.kit.inbox.EventDispatcher;
import org.ordercycle.kit.testing.KitMetrics;
import org.ordercycle.testinfra.OrderCycleTestResource;

/**
 * Billing reads acceptances and shipments on two channels, so a shipment can arrive before the acceptance it needs.
 * It is parked, not dropped or dead-lettered, and the outcome is the same as in the natural order.
 */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(6)
class PrerequisiteTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Inject
    EventDispatcher dispatcher;

    @Test
    void shipmentBeforeItsAcceptanceGivesTheSameInvoiceAsTheNaturalOrder() throws Exception {
        Cycle natural = new Cycle();
        Cycle reversed = new Cycle();
        double parkedBefore = KitMetrics.count(metrics, "ordercycle.events.parked", "topic", "production.shipments");

        sendEvent(natural.accepted);
        sendEvent(natural.dispatched);
        sendEvent(natural.delivered);

        sendEvent(reversed.dispatched);
        sendEvent(reversed.delivered);
        await().atMost(30, SECONDS).until(() -> parked(reversed.orderId) == 2);
        assertThat(invoices(reversed.orderId)).isEmpty();
        assertThat(KitMetrics.count(metrics, "ordercycle.events.parked", "topic", "production.shipments") - parkedBefore)
                .isGreaterThanOrEqualTo(1);
        sendEvent(reversed.accepted);

        await().atMost(30, SECONDS).until(() -> invoices(natural.orderId).size() == 1
                && invoices(reversed.orderId).size() == 1 && parked(reversed.orderId) == 0
                && invoices(reversed.orderId).get(0).endsWith("delivered"));
        assertThat(invoices(reversed.orderId)).isEqualTo(invoices(natural.orderId)).containsExactly("30.00 delivered");
        assertThat(count(dataSource, "select count(*) from kit_dead_letter where record_key in (?, ?)",
                natural.orderId.toString(), reversed.orderId.toString())).isZero();
    }

    /** A prerequisite that arrived without announcing itself (or just before a crash) is found by the sweep. */
    @Test
    void parkedEventIsAppliedBySweepWhenItsPrerequisiteArrivedUnannounced() throws Exception {
        Cycle cycle = new Cycle();
        sendEvent(cycle.dispatched);
        await().atMost(30, SECONDS).until(() -> parked(cycle.orderId) == 1);
        insertAcceptanceBehindTheHandlersBack(cycle.orderId);

        dispatcher.applyParked(null);

        assertThat(invoices(cycle.orderId)).containsExactly("30.00 open");
        assertThat(parked(cycle.orderId)).isZero();
    }

    private void insertAcceptanceBehindTheHandlersBack(UUID orderId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into test_accepted_order (order_id, unit_price) values (?, 10.00)")) {
            insert.setObject(1, orderId);
            insert.executeUpdate();
        }
    }

    private long parked(UUID orderId) {
        return count(dataSource, "select count(*) from kit_parked_event where record_key = ?", orderId.toString());
    }

    private List<String> invoices(UUID orderId) throws Exception {
        List<String> invoices = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select amount, delivered from test_invoice where order_id = ? order by seq")) {
            query.setObject(1, orderId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    invoices.add(rows.getBigDecimal(1) + (rows.getBoolean(2) ? " delivered" : " open"));
                }
            }
        }
        return invoices;
    }

    /** One order's acceptance (3 × 10.00), its shipment and the delivery of that shipment. */
    private static final class Cycle {
        final UUID orderId = UUID.randomUUID();
        final UUID customerId = UUID.randomUUID();
        final UUID shipmentId = UUID.randomUUID();
        final OrderAccepted accepted = new OrderAccepted(UUID.randomUUID(), Instant.now(), orderId, customerId,
                List.of(new OrderLine(1, "SKU-1", new BigDecimal("3"), new Money(new BigDecimal("10.00"), "EUR"),
                        BigDecimal.ZERO, new BigDecimal("19.0"), null)),
                "EUR", 50, LocalDate.now().plusDays(7), "selection-policy", true, null, null, null);
        final ShipmentDispatched dispatched = new ShipmentDispatched(UUID.randomUUID(), Instant.now(), shipmentId,
                orderId, customerId, List.of(new ShippedLine(1, "SKU-1", new BigDecimal("3"))), "DHL", "T-1",
                "MAIN", Instant.now(), null);
        final ShipmentDelivered delivered = new ShipmentDelivered(UUID.randomUUID(), Instant.now(), shipmentId,
                orderId, Instant.now());
    }
}
