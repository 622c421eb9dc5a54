package org.ordercycle.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordercycle.kit.KitTestSupport.effectsOfEvent;
import static org.ordercycle.kit.KitTestSupport.orderPlaced;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
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
