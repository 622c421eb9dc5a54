package org.ordercycle.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordercycle.kit.KitTestSupport.effectsOfEvent;
import static org.ordercycle.kit.KitTestSupport.orderPlaced;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.sales.OrderDeclined;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.inbox.EventDispatcher;
import org.ordercycle.kit.inbox.EventDispatcher.Delivery;
import org.ordercycle.kit.inbox.IncomingEvent;
import org.ordercycle.kit.testing.KitMetrics;
import org.ordercycle.testinfra.OrderCycleTestResource;

@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(1)
class InboxTest {

    @Inject
    EventDispatcher dispatcher;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Test
    void redeliveredEventChangesStateOnce() throws Exception {
        OrderPlaced placed = orderPlaced(UUID.randomUUID());
        IncomingEvent record = incoming("OrderPlaced", placed.orderId().toString(), EventJson.mapper().writeValueAsString(placed));
        double duplicatesBefore = duplicates();

        assertThat(dispatcher.deliver(record)).isEqualTo(Delivery.HANDLED);
        assertThat(dispatcher.deliver(record)).isEqualTo(Delivery.DUPLICATE);
        assertThat(dispatcher.deliver(record)).isEqualTo(Delivery.DUPLICATE);

        assertThat(effectsOfEvent(dataSource, placed.eventId())).isEqualTo(1);
        assertThat(duplicates() - duplicatesBefore).isEqualTo(2);
    }

    @Test
    void inboxIsKeptPerHandlerSoAHandlerAddedLaterAppliesWhatTheOthersApplied() throws Exception {
        OrderPlaced placed = orderPlaced(UUID.randomUUID());
        IncomingEvent record = incoming("OrderPlaced", placed.orderId().toString(), EventJson.mapper().writeValueAsString(placed));

        assertThat(dispatcher.deliver(List.of(record), handler -> handler.id().equals(TestOrderHandlers.ID)))
                .containsExactly(Delivery.HANDLED);
        assertThat(lateEffects(placed)).isZero();

        assertThat(dispatcher.deliver(record)).isEqualTo(Delivery.HANDLED);
        assertThat(effectsOfEvent(dataSource, placed.eventId())).isEqualTo(1);
        assertThat(lateEffects(placed)).isEqualTo(1);
        assertThat(dispatcher.deliver(record)).isEqualTo(Delivery.DUPLICATE);
    }

    @Test
    void inboxRowsFromBeforeHandlerIdsCountForEveryHandler() throws Exception {
        OrderPlaced placed = orderPlaced(UUID.randomUUID());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into kit_inbox (consumer, event_id, event_type) values ('*', ?, 'OrderPlaced')")) {
            insert.setObject(1, placed.eventId());
            insert.executeUpdate();
        }

        assertThat(dispatcher.deliver(incoming("OrderPlaced", placed.orderId().toString(),
                EventJson.mapper().writeValueAsString(placed)))).isEqualTo(Delivery.DUPLICATE);
        assertThat(effectsOfEvent(dataSource, placed.eventId())).isZero();
        assertThat(lateEffects(placed)).isZero();
    }

    @Test
    void aPollIsAppliedInOrderAndADuplicateWithinItOnce() throws Exception {
        OrderPlaced first = orderPlaced(UUID.randomUUID());
        OrderPlaced second = orderPlaced(first.orderId());
        IncomingEvent one = incoming("OrderPlaced", first.orderId().toString(), EventJson.mapper().writeValueAsString(first));
        IncomingEvent two = incoming("OrderPlaced", first.orderId().toString(), EventJson.mapper().writeValueAsString(second));

        assertThat(dispatcher.deliver(List.of(one, two, one)))
                .containsExactly(Delivery.HANDLED, Delivery.HANDLED, Delivery.DUPLICATE);
        assertThat(KitTestSupport.count(dataSource, """
                select count(*) from test_effect a join test_effect b on a.order_id = b.order_id
                 where a.event_id = ? and b.event_id = ? and a.seq < b.seq""", first.eventId(), second.eventId()))
                .isEqualTo(1);
        assertThat(effectsOfEvent(dataSource, first.eventId())).isEqualTo(1);
    }

    private long lateEffects(OrderPlaced placed) {
        return KitTestSupport.count(dataSource, "select count(*) from test_late_effect where event_id = ?", placed.eventId());
    }

    @Test
    void eventTypesTheServiceDoesNotHandleAreSkipped() throws Exception {
        OrderDeclined declined = new OrderDeclined(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "no capacity", "bob");
        String json = EventJson.mapper().writeValueAsString(declined);

        assertThat(dispatcher.deliver(incoming("OrderDeclined", declined.orderId().toString(), json))).isEqualTo(Delivery.SKIPPED);
        assertThat(dispatcher.deliver(incoming("SomethingInvented", "k", "{\"whatever\": 1}"))).isEqualTo(Delivery.SKIPPED);
        assertThat(KitTestSupport.count(dataSource, "select count(*) from kit_inbox where event_id = ?", declined.eventId()))
                .isZero();
    }

    private double duplicates() {
        return KitMetrics.count(metrics, "ordercycle.events.duplicates", "type", "OrderPlaced");
    }

    private static IncomingEvent incoming(String type, String key, String json) {
        return new IncomingEvent("sales.orders", 0, 0, key, Map.of(CloudEventHeaders.TYPE, type), json);
    }
}
