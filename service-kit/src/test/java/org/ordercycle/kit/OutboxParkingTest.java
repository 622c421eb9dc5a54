package org.ordercycle.kit;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.ordercycle.kit.KitTestSupport.count;
import static org.ordercycle.kit.KitTestSupport.effectsOf;
import static org.ordercycle.kit.KitTestSupport.orderPlaced;
import static org.ordercycle.kit.testing.TopicClient.header;
import static org.ordercycle.kit.testing.TopicClient.readAll;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.outbox.OutboxMonitor;
import org.ordercycle.testinfra.OrderCycleTestResource;
import org.ordercycle.testinfra.TestInfra;

/**
 * Events the broker refuses for good are parked: the other keys flow on, the later events of the refused one's key
 * wait behind it, an operator sees it and releases it once the cause is fixed.
 */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(2)
class OutboxParkingTest {

    /** Health and metrics are served on the management interface: {@code http://localhost:<management port>/q/}. */
    @TestHTTPResource(management = true)
    URL management;

    private static final int PARK_AFTER = 3; // ordercycle.kit.outbox.park-after-attempts in the test configuration

    @Inject
    TestPublisher publisher;

    @Inject
    OutboxMonitor monitor;

    @Inject
    MeterRegistry metrics;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eventTooLargeForTheProducerIsParkedWhileOtherKeysFlowAndItsKeyWaits() {
        UUID refusedOrder = UUID.randomUUID();
        UUID otherOrder = UUID.randomUUID();
        OrderPlaced before = orderPlaced(otherOrder);
        OrderPlaced tooLarge = orderPlaced(refusedOrder, "x".repeat(1_100_000));
        OrderPlaced behind = orderPlaced(refusedOrder);
        OrderPlaced after = orderPlaced(otherOrder);
        try {
            publisher.publish(List.of(before, tooLarge, behind, after));

            await().atMost(30, SECONDS).until(() -> effectsOf(dataSource, otherOrder) == 2);
            await().atMost(30, SECONDS).until(() -> isParked(tooLarge.eventId()));
            assertThat(count(dataSource, "select attempts from kit_outbox where event_id = ?", tooLarge.eventId()))
                    .isEqualTo(PARK_AFTER);
            assertThat(count(dataSource, "select count(*) from kit_outbox where event_id = ? and sent_at is null"
                    + " and parked_at is null and attempts = 0", behind.eventId())).as("waits, untried").isEqualTo(1);

            given().auth().oauth2(adminToken()).get("/admin/outbox/parked").then()
                    .statusCode(200)
                    .body("find { it.eventId == '%s' }.reason".formatted(tooLarge.eventId()),
                            containsString("RecordTooLargeException"))
                    .body("find { it.eventId == '%s' }.attempts".formatted(tooLarge.eventId()), equalTo(PARK_AFTER))
                    .body("find { it.eventId == '%s' }.topic".formatted(tooLarge.eventId()), equalTo("sales.orders"))
                    .body("find { it.eventId == '%s' }.key".formatted(tooLarge.eventId()), equalTo(refusedOrder.toString()))
                    .body("find { it.eventId == '%s' }.type".formatted(tooLarge.eventId()), equalTo("OrderPlaced"))
                    .body("find { it.eventId == '%s' }.createdAt".formatted(tooLarge.eventId()), notNullValue())
                    .body("find { it.eventId == '%s' }.parkedAt".formatted(tooLarge.eventId()), notNullValue())
                    .body("eventId", org.hamcrest.Matchers.not(hasItem(behind.eventId().toString())));

            // Parked, it blocks nobody else: later events of other keys flow, later ones of its key still wait.
            OrderPlaced alsoBehind = orderPlaced(refusedOrder);
            OrderPlaced later = orderPlaced(otherOrder);
            publisher.publish(List.of(alsoBehind, later));
            await().atMost(30, SECONDS).until(() -> effectsOf(dataSource, otherOrder) == 3);
            assertThat(effectsOf(dataSource, refusedOrder)).isZero();
            assertThat(count(dataSource, "select count(*) from kit_outbox where event_key = ? and sent_at is null"
                    + " and parked_at is null", refusedOrder.toString())).isEqualTo(2);

            monitor.refresh();
            assertThat(metrics.get("ordercycle.outbox.parked").gauge().value()).isEqualTo(1);
            given().get(management + "health/well").then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'outbox-parked' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'outbox-parked' }.data.parked", equalTo(1))
                    .body("checks.find { it.name == 'outbox-relay' }.status", equalTo("UP"));
        } finally {
            // Nothing fixes a record the producer can never send in this test: remove it and the ones behind it.
            execute("delete from kit_outbox where event_key = ?", refusedOrder.toString());
            monitor.refresh();
        }
    }

    @Test
    void refusalsOfTheBrokerAreParkedAndSentInKeyOrderOnceFixedAndReleased() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String smallTopic = "kit-test.small-" + suffix;
        String missingTopic = "kit-test.missing-" + suffix;
        try (Admin admin = admin()) {
            // A limit above the producer's batch.size (16 KB): below it, the producer splits and resends a rejected
            // batch until the delivery timeout instead of failing the one record that is too large.
            admin.createTopics(List.of(new NewTopic(smallTopic, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "32768")))).all().get(30, SECONDS);

            long tooLarge = insertRow(smallTopic, "k", "a".repeat(40_000));
            long behindTooLarge = insertRow(smallTopic, "k", "b");
            long otherKey = insertRow(smallTopic, "j", "c");
            long toMissingTopic = insertRow(missingTopic, "m", "d");
            long behindMissing = insertRow(missingTopic, "m", "e");

            await().atMost(60, SECONDS).until(() -> parked(tooLarge) && parked(toMissingTopic));
            assertThat(sent(otherKey)).isTrue();
            assertThat(sent(behindTooLarge) || sent(behindMissing)).isFalse();
            given().auth().oauth2(adminToken()).get("/admin/outbox/parked").then()
                    .statusCode(200)
                    .body("find { it.id == %d }.reason".formatted(tooLarge), containsString("RecordTooLargeException"))
                    .body("find { it.id == %d }.reason".formatted(toMissingTopic),
                            containsString("topic " + missingTopic + " does not exist"))
                    .body("find { it.id == %d }.attempts".formatted(toMissingTopic), equalTo(PARK_AFTER));

            // The fixes: a larger limit for the topic, the missing topic created. Then release both.
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, smallTopic),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048588"),
                            AlterConfigOp.OpType.SET)))).all().get(30, SECONDS);
            admin.createTopics(List.of(new NewTopic(missingTopic, 1, (short) 1))).all().get(30, SECONDS);
            for (long id : List.of(tooLarge, toMissingTopic)) {
                given().auth().oauth2(adminToken()).post("/admin/outbox/parked/" + id + "/retry").then()
                        .statusCode(202)
                        .body("id", equalTo((int) id))
                        .body("attempts", equalTo(0))
                        .body("parkedAt", nullValue());
            }

            await().atMost(60, SECONDS).until(() -> sent(behindTooLarge) && sent(behindMissing));
            assertThat(sent(tooLarge) && sent(toMissingTopic)).isTrue();
            assertThat(payloadsByKey(smallTopic)).isEqualTo(Map.of("k", List.of("a".repeat(40_000), "b"), "j", List.of("c")));
            assertThat(payloadsByKey(missingTopic)).isEqualTo(Map.of("m", List.of("d", "e")));
            await().atMost(10, SECONDS).untilAsserted(() -> given().get(management + "health/well").then()
                    .body("checks.find { it.name == 'outbox-parked' }.status", equalTo("UP")));

            given().auth().oauth2(adminToken()).post("/admin/outbox/parked/" + tooLarge + "/retry").then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("is not parked: it was sent at"));
        } finally {
            execute("delete from kit_outbox where topic in (?, ?)", smallTopic, missingTopic);
            monitor.refresh();
            try (Admin admin = admin()) {
                admin.deleteTopics(List.of(smallTopic, missingTopic)).all().get(30, SECONDS);
            } catch (Exception e) {
                // the topics are the test's own; a leftover harms nobody
            }
        }
    }

    @Test
    void badRequestsToTheParkedEventsAreProblemsThatChangeNothing() {
        given().auth().oauth2(adminToken()).post("/admin/outbox/parked/987654321/retry").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("outbox event 987654321 does not exist"));
        given().auth().oauth2(adminToken()).post("/admin/outbox/parked/not-a-number/retry").then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(adminToken()).get("/admin/outbox/parked?limit=0").then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestInfra.jwt().token("sam", Duration.ofMinutes(5), "sales"))
                .get("/admin/outbox/parked").then()
                .statusCode(403)
                .contentType("application/problem+json");

        var document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(document.getString("paths.'/admin/outbox/parked'.get.operationId")).isEqualTo("listParkedOutboxEvents");
        assertThat(document.getString("paths.'/admin/outbox/parked/{id}/retry'.post.operationId"))
                .isEqualTo("retryParkedOutboxEvent");
        assertThat(document.getList("paths.'/admin/outbox/parked'.get.tags")).containsExactly("Outbox administration");
        assertThat(document.getList("paths.'/admin/outbox/parked/{id}/retry'.post.tags"))
                .containsExactly("Outbox administration");
    }

    private boolean isParked(UUID eventId) {
        return count(dataSource, "select count(*) from kit_outbox where event_id = ? and parked_at is not null", eventId) == 1;
    }

    private boolean parked(long id) {
        return count(dataSource, "select count(*) from kit_outbox where id = ? and parked_at is not null", id) == 1;
    }

    private boolean sent(long id) {
        return count(dataSource, "select count(*) from kit_outbox where id = ? and sent_at is not null", id) == 1;
    }

    /** An outbox row as another producer of the service would write it: any topic, any key, any payload. */
    private long insertRow(String topic, String key, String payload) {
        return count(dataSource, """
                insert into kit_outbox (event_id, topic, event_key, event_type, payload, occurred_at, correlation_id)
                values (?, ?, ?, 'TestRecord', ?, ?, ?) returning id""",
                UUID.randomUUID(), topic, key, payload, Timestamp.from(Instant.now()), key);
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payloads on the topic per key, in topic order; each record carries its event id once. */
    private static Map<String, List<String>> payloadsByKey(String topic) {
        var records = readAll(topic);
        assertThat(records.stream().map(record -> header(record, CloudEventHeaders.ID)).distinct().count())
                .as("records on " + topic + " with distinct event ids").isEqualTo(records.size());
        return records.stream().collect(java.util.stream.Collectors.groupingBy(record -> record.key(),
                java.util.stream.Collectors.mapping(record -> record.value(), java.util.stream.Collectors.toList())));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers()));
    }

    private static String adminToken() {
        return TestInfra.jwt().token("ada", Duration.ofMinutes(5), "admin");
    }
}
