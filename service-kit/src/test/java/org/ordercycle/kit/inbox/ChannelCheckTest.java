package org.ordercycle.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.EventCatalog;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.inbox.EventRouter.Handler;

class ChannelCheckTest {

    private static final Handler PLACED = new Handler("Orders.on(OrderPlaced)", EventCatalog.of(OrderPlaced.class),
            null, null);
    private static final Handler SHIPPED = new Handler("Shipments.on(ShipmentDispatched)",
            EventCatalog.of(ShipmentDispatched.class), null, null);

    @Test
    void oneBatchChannelPerTopicWithHandlersIsFine() {
        assertThat(problems(channel("sales-orders", "sales.orders"), PLACED)).isEmpty();
    }

    @Test
    void channelForATopicWithoutHandlersIsRefused() {
        Map<String, String> config = channel("sales-orders", "sales.orders");
        config.putAll(channel("production-shipments", "production.shipments"));

        assertThat(problems(config, PLACED)).singleElement().asString()
                .startsWith("channel production-shipments reads production.shipments, but no handler of this service"
                        + " reacts to its events: remove the channel");
    }

    @Test
    void handlerWhoseTopicNoChannelReadsIsRefused() {
        assertThat(problems(channel("sales-orders", "sales.orders"), PLACED, SHIPPED)).singleElement().asString()
                .startsWith("Shipments.on(ShipmentDispatched) react to production.shipments, which no channel reads:"
                        + " set mp.messaging.incoming.production-shipments.connector=smallrye-kafka");
        assertThat(problems(Map.of(), PLACED)).hasSize(1);
    }

    @Test
    void channelThatDoesNotReadInBatchesIsRefused() {
        Map<String, String> config = channel("sales-orders", "sales.orders");
        config.put("mp.messaging.incoming.sales-orders.batch", "false");

        assertThat(problems(config, PLACED)).containsExactly(
                "channel sales-orders must read in batches: remove mp.messaging.incoming.sales-orders.batch=false");
    }

    @Test
    void twoChannelsOnOneTopicAndTopicsOutsideTheCatalogAreRefused() {
        Map<String, String> config = channel("sales-orders", "sales.orders");
        config.putAll(channel("orders-again", "sales.orders"));
        config.putAll(channel("orders", "orders"));

        assertThat(problems(config, PLACED)).containsExactlyInAnyOrder(
                "channels sales-orders and orders-again both read sales.orders: keep one",
                "channel orders reads orders, which is not in the event catalog");
    }

    @Test
    void channelsOfOtherConnectorsAreNotChecked() {
        assertThat(problems(Map.of("mp.messaging.incoming.local.connector", "smallrye-in-memory"))).isEmpty();
    }

    private static Map<String, String> channel(String name, String topic) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.messaging.connector.smallrye-kafka.batch", "true");
        config.put("mp.messaging.incoming." + name + ".connector", "smallrye-kafka");
        config.put("mp.messaging.incoming." + name + ".topic", topic);
        return config;
    }

    private static List<String> problems(Map<String, String> config, Handler... handlers) {
        return ChannelCheck.problems(config.keySet(), name -> Optional.ofNullable(config.get(name)), List.of(handlers));
    }
}
