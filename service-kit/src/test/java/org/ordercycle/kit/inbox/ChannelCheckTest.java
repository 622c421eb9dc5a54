package org.ordercycle.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelCheckTest {

    @Test
    void channelReadingACatalogTopicWithItsDeadLetterTopicIsFine() {
        assertThat(problems(Map.of(
                "mp.messaging.incoming.sales-orders.connector", "smallrye-kafka",
                "mp.messaging.incoming.sales-orders.topic", "sales.orders",
                "mp.messaging.incoming.sales-orders.dead-letter-queue.topic", "sales.orders.dlq"))).isEmpty();
    }

    @Test
    void missingOrWrongDeadLetterTopicIsNamed() {
        assertThat(problems(Map.of(
                "mp.messaging.incoming.sales-orders.connector", "smallrye-kafka",
                "mp.messaging.incoming.sales-orders.topic", "sales.orders")))
                .containsExactly("channel sales-orders must set mp.messaging.incoming.sales-orders.dead-letter-queue.topic="
                        + "sales.orders.dlq (it is (not set))");
        assertThat(problems(Map.of(
                "mp.messaging.incoming.customers.connector", "smallrye-kafka",
                "mp.messaging.incoming.customers.topic", "contact.customers",
                "mp.messaging.incoming.customers.dead-letter-queue.topic", "sales.orders.dlq")))
                .singleElement().asString().contains("contact.customers.dlq (it is sales.orders.dlq)");
    }

    @Test
    void topicOutsideTheCatalogIsNamed() {
        assertThat(problems(Map.of(
                "mp.messaging.incoming.orders.connector", "smallrye-kafka",
                "mp.messaging.incoming.orders.dead-letter-queue.topic", "orders.dlq")))
                .containsExactly("channel orders reads orders, which is not in the event catalog");
    }

    @Test
    void channelsOfOtherConnectorsAreNotChecked() {
        assertThat(problems(Map.of("mp.messaging.incoming.local.connector", "smallrye-in-memory"))).isEmpty();
    }

    private static List<String> problems(Map<String, String> config) {
        return ChannelCheck.problems(config.keySet(), name -> Optional.ofNullable(config.get(name)));
    }
}
