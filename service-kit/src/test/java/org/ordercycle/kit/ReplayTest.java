package org.ordercycle.kit;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.ordercycle.kit.KitTestSupport.count;
import static org.ordercycle.kit.KitTestSupport.effectsOf;
import static org.ordercycle.kit.KitTestSupport.orderPlaced;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.testinfra.OrderCycleTestResource;
import org.ordercycle.testinfra.TestInfra;

/**
 * A handler that came later gets the events of its topic by a replay: from the earliest record, to it alone,
 * through its inbox, with the live consumer group untouched.
 */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(7)
class ReplayTest {

    @Inject
    TestPublisher publisher;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void replayDeliversTheWholeTopicToTheNamedHandlerOnlyAndOnlyOnce() throws Exception {
        List<OrderPlaced> orders = Stream.generate(() -> orderPlaced(UUID.randomUUID())).limit(20).toList();
        publisher.publish(orders);
        UUID[] orderIds = orders.stream().map(OrderPlaced::orderId).toArray(UUID[]::new);
        await().atMost(30, SECONDS).until(() -> lateEffects(orderIds) == 20
                && count(dataSource, "select count(*) from test_effect where order_id = any(?)", (Object) orderIds) == 20);
        // As if LateOrderHandlers had been deployed only now: none of these events reached it.
        forget(orderIds);
        await().atMost(30, SECONDS).until(ReplayTest::liveGroupCaughtUp);
        Map<TopicPartition, OffsetAndMetadata> liveOffsets = liveGroupOffsets();

        String location = admin().contentType(ContentType.JSON)
                .body(Map.of("topic", "sales.orders", "handlers", List.of("LateOrderHandlers")))
                .post("/admin/replays").then().statusCode(202)
                .body("handlers", equalTo(List.of(LateOrderHandlers.ID)))
                .extract().header("Location");
        await().atMost(60, SECONDS).untilAsserted(() -> admin().get(location).then().statusCode(200)
                .body("state", equalTo("DONE")));

        assertThat(lateEffects(orderIds)).isEqualTo(20);
        for (OrderPlaced order : orders) {
            assertThat(effectsOf(dataSource, order.orderId())).as("the other handler is not replayed").isEqualTo(1);
        }
        assertThat(liveGroupOffsets()).isEqualTo(liveOffsets);

        // A second replay changes nothing: the inbox knows the late handler has applied them now.
        String again = admin().contentType(ContentType.JSON)
                .body(Map.of("topic", "sales.orders", "handlers", List.of(LateOrderHandlers.ID)))
                .post("/admin/replays").then().statusCode(202).extract().header("Location");
        await().atMost(60, SECONDS).untilAsserted(() -> admin().get(again).then().statusCode(200)
                .body("state", equalTo("DONE")).body("handled", equalTo(0)));
        assertThat(lateEffects(orderIds)).isEqualTo(20);
    }

    @Test
    void replayOfUnknownHandlersOrTopicsIsAProblem() {
        admin().contentType(ContentType.JSON).body(Map.of("topic", "sales.orders", "handlers", List.of("NoSuchHandler")))
                .post("/admin/replays").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("NoSuchHandler handles nothing on sales.orders"))
                .body("detail", containsString(LateOrderHandlers.ID));
        admin().contentType(ContentType.JSON).body(Map.of("topic", "no.such.topic", "handlers", List.of("X")))
                .post("/admin/replays").then().statusCode(400).contentType("application/problem+json");
        admin().contentType(ContentType.JSON).body(Map.of("topic", "sales.orders", "handlers", List.of()))
                .post("/admin/replays").then().statusCode(400).contentType("application/problem+json");
        admin().get("/admin/replays/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    private long lateEffects(UUID[] orderIds) {
        return count(dataSource, "select count(*) from test_late_effect where order_id = any(?)", (Object) orderIds);
    }

    private void forget(UUID[] orderIds) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement inbox = connection.prepareStatement("""
                        delete from kit_inbox where consumer = ? and event_id in
                          (select event_id from test_late_effect where order_id = any(?))""");
                PreparedStatement effects = connection.prepareStatement(
                        "delete from test_late_effect where order_id = any(?)")) {
            inbox.setString(1, LateOrderHandlers.ID);
            inbox.setArray(2, connection.createArrayOf("uuid", orderIds));
            inbox.executeUpdate();
            effects.setArray(1, connection.createArrayOf("uuid", orderIds));
            effects.executeUpdate();
        }
    }

    /** The live group's committed offsets on sales.orders (its other topics move on with other tests' events). */
    private static Map<TopicPartition, OffsetAndMetadata> liveGroupOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.kafka().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(
                    admin.listConsumerGroupOffsets("kit-test").partitionsToOffsetAndMetadata().get());
            offsets.keySet().removeIf(partition -> !partition.topic().equals("sales.orders"));
            return offsets;
        }
    }

    /** The live group has committed the end of sales.orders: its offsets stay put unless someone moves them. */
    private static boolean liveGroupCaughtUp() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.kafka().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("kit-test")
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < 6; partition++) {
                latest.put(new TopicPartition("sales.orders", partition), OffsetSpec.latest());
            }
            var end = admin.listOffsets(latest).all().get();
            return end.entrySet().stream().allMatch(partition -> partition.getValue().offset() == 0
                    || committed.containsKey(partition.getKey())
                    && committed.get(partition.getKey()).offset() == partition.getValue().offset());
        }
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestInfra.jwt().token("operator", Duration.ofMinutes(5), "admin"));
    }
}
