package org.ordercycle.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ordercycle.kit.KitTestSupport.count;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.Event;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.production.ShippedLine;
import org.ordercycle.kit.inbox.EventDispatcher;
import org.ordercycle.kit.inbox.EventDispatcher.Delivery;
import org.ordercycle.kit.inbox.IncomingEvent;
import org.ordercycle.kit.inbox.Stopping;
import org.ordercycle.testinfra.OrderCycleTestResource;

/**
 * A batch handler ({@code TestShipmentHandlers.on(List<Received<ShipmentDispatched>>)}) takes a poll's run of
 * shipments at once, sees only the events it has not applied yet, and on any failure the kit applies the run event
 * by event exactly as for a single-event handler.
 */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(6)
class BatchHandlerTest {

    private static final String HANDLER = "TestShipmentHandlers.on(ShipmentDispatched)";

    @Inject
    EventDispatcher dispatcher;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Stopping stopping;

    @Test
    void batchHandlerGetsOnlyTheRunsNewEventsInOneCallAndARedeliveredPollChangesNothing() throws Exception {
        List<ShipmentDispatched> shipments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            shipments.add(accepted(dispatched("DHL")));
        }
        ShipmentDelivered delivered = new ShipmentDelivered(UUID.randomUUID(), Instant.now(),
                shipments.get(4).shipmentId(), shipments.get(4).orderId(), Instant.now());
        List<IncomingEvent> poll = new ArrayList<>(shipments.stream().map(BatchHandlerTest::incoming).toList());
        poll.add(incoming(delivered));

        assertThat(dispatcher.deliver(poll.subList(0, 2))).containsOnly(Delivery.HANDLED);
        assertThat(callsWith(shipments)).containsExactly(ids(shipments.subList(0, 2)));

        TestShipmentHandlers.batches.clear();
        assertThat(dispatcher.deliver(poll)).containsExactly(Delivery.DUPLICATE, Delivery.DUPLICATE,
                Delivery.HANDLED, Delivery.HANDLED, Delivery.HANDLED, Delivery.HANDLED);
        assertThat(callsWith(shipments)).containsExactly(ids(shipments.subList(2, 5)));

        TestShipmentHandlers.batches.clear();
        assertThat(dispatcher.deliver(poll)).containsOnly(Delivery.DUPLICATE);
        assertThat(callsWith(shipments)).isEmpty();

        for (ShipmentDispatched shipment : shipments) {
            assertThat(invoices(shipment)).as("invoices of " + shipment.shipmentId()).isEqualTo(1);
        }
        // The delivery right behind its shipment in the same poll found the invoice the batch had just written.
        assertThat(count(dataSource, "select count(*) from test_invoice where shipment_id = ? and delivered",
                delivered.shipmentId())).isEqualTo(1);
    }

    @Test
    void aFailingBatchIsAppliedEventByEventSoOnlyTheBadEventsAreParkedOrDeadLettered() throws Exception {
        ShipmentDispatched first = accepted(dispatched("DHL"));
        ShipmentDispatched withoutAcceptance = dispatched("DHL");
        ShipmentDispatched refused = accepted(dispatched(TestShipmentHandlers.REFUSED_CARRIER));
        ShipmentDispatched last = accepted(dispatched("UPS"));
        List<ShipmentDispatched> shipments = List.of(first, withoutAcceptance, refused, last);
        TestShipmentHandlers.batches.clear();

        assertThat(dispatcher.deliver(shipments.stream().map(BatchHandlerTest::incoming).toList()))
                .containsExactly(Delivery.HANDLED, Delivery.PARKED, Delivery.DEAD_LETTERED, Delivery.HANDLED);

        // One call with the whole run, which failed; then the run again, one event per call.
        List<List<UUID>> calls = callsWith(shipments);
        assertThat(calls.get(0)).isEqualTo(ids(shipments));
        assertThat(calls.subList(1, calls.size())).allSatisfy(call -> assertThat(call).hasSize(1));
        assertThat(invoices(first)).isEqualTo(1);
        assertThat(invoices(last)).isEqualTo(1);
        assertThat(invoices(withoutAcceptance)).isZero();
        assertThat(invoices(refused)).isZero();
        assertThat(count(dataSource, "select count(*) from kit_parked_event where record_key = ? and handler = ?",
                withoutAcceptance.orderId().toString(), HANDLER)).isEqualTo(1);
        assertThat(count(dataSource, "select count(*) from kit_parked_event where record_key = any(?::text[])",
                (Object) new UUID[] {first.orderId(), refused.orderId(), last.orderId()})).isZero();
        assertThat(count(dataSource, "select count(*) from kit_dead_letter where event_id = ? and handler = ?",
                refused.eventId(), HANDLER)).isEqualTo(1);
        assertThat(count(dataSource, "select count(*) from kit_dead_letter where event_id = any(?)",
                (Object) new UUID[] {first.eventId(), withoutAcceptance.eventId(), last.eventId()})).isZero();

        // The parked one is applied once its acceptance is there, by the batch handler with a list of one.
        accept(withoutAcceptance.orderId());
        dispatcher.applyParked(null);
        assertThat(invoices(withoutAcceptance)).isEqualTo(1);
        assertThat(count(dataSource, "select count(*) from kit_parked_event where record_key = ?",
                withoutAcceptance.orderId().toString())).isZero();
    }

    /**
     * While the service shuts down its pools and persistence unit close under the consumer: a failure then says
     * nothing about the event. It is neither retried until dead-lettered nor dead-lettered: the poll is left
     * unacknowledged (the dispatcher stops with InterruptedException) and delivered again after the restart.
     */
    @Test
    void aFailureWhileTheServiceStopsDeadLettersNothingAndLeavesThePollForTheRestart() throws Exception {
        ShipmentDispatched refused = accepted(dispatched(TestShipmentHandlers.REFUSED_CARRIER));
        stopping.onShutdown(null);
        try {
            assertThatThrownBy(() -> dispatcher.deliver(List.of(incoming(refused))))
                    .isInstanceOf(InterruptedException.class).hasMessageContaining("stopping");
        } finally {
            stopping.resume();
            Thread.interrupted();
        }
        assertThat(count(dataSource, "select count(*) from kit_dead_letter where event_id = ?", refused.eventId()))
                .isZero();
        assertThat(invoices(refused)).isZero();
    }

    private List<List<UUID>> callsWith(List<ShipmentDispatched> shipments) {
        Set<UUID> mine = Set.copyOf(ids(shipments));
        return TestShipmentHandlers.batches.stream().filter(call -> call.stream().anyMatch(mine::contains)).toList();
    }

    private static List<UUID> ids(List<ShipmentDispatched> shipments) {
        return shipments.stream().map(ShipmentDispatched::shipmentId).toList();
    }

    private long invoices(ShipmentDispatched shipment) {
        return count(dataSource, "select count(*) from test_invoice where shipment_id = ?", shipment.shipmentId());
    }

    private static ShipmentDispatched dispatched(String carrier) {
        return new ShipmentDispatched(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), List.of(new ShippedLine(1, "SKU-1", new BigDecimal("2"))), carrier, "T-1", "MAIN",
                Instant.now(), null);
    }

    private ShipmentDispatched accepted(ShipmentDispatched shipment) throws Exception {
        accept(shipment.orderId());
        return shipment;
    }

    private void accept(UUID orderId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into test_accepted_order (order_id, unit_price) values (?, 10.00)")) {
            insert.setObject(1, orderId);
            insert.executeUpdate();
        }
    }

    private static IncomingEvent incoming(Event event) {
        String type = event.getClass().getSimpleName();
        UUID orderId = event instanceof ShipmentDispatched dispatched ? dispatched.orderId()
                : ((ShipmentDelivered) event).orderId();
        try {
            return new IncomingEvent("production.shipments", 0, 0, orderId.toString(), Map.of(CloudEventHeaders.TYPE, type),
                    EventJson.mapper().writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
