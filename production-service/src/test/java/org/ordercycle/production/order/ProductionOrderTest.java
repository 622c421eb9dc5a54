package org.ordercycle.production.order;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.testing.KitMetrics;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.production.ProductionTestResource;
import org.ordercycle.testinfra.TestInfra;

@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class ProductionOrderTest {

    private static final String PRODUCTION = TestInfra.jwt().token("pia", Duration.ofHours(1), "production");

    @Inject
    MeterRegistry metrics;

    @Test
    void placedOrderBecomesAProductionOrderWithItsLines() {
        OrderPlaced placed = order();

        TopicClient.sendEvent(placed);

        await().atMost(30, SECONDS).untilAsserted(() -> productionOrder(placed.orderId())
                .statusCode(200)
                .body("id", equalTo(placed.orderId().toString()))
                .body("customerId", equalTo(placed.customerId().toString()))
                .body("requestedDate", equalTo("2026-11-25"))
                .body("salesperson", equalTo("sam"))
                .body("classification", equalTo("INTERNAL_AFFILIATE"))
                .body("status", equalTo("RECEIVED"))
                .body("receivedAt", notNullValue())
                .body("lines.lineNo", contains(1, 2))
                .body("lines.sku", contains("SKU-1", "SKU-2"))
                .body("lines.quantity", contains(3, 12)));
    }

    @Test
    void redeliveredOrderIsRecordedOnce() {
        OrderPlaced placed = order();
        double duplicatesBefore = counter("ordercycle.events.duplicates");

        TopicClient.sendEvent(placed);
        TopicClient.sendEvent(placed); // redelivered: same event id, same partition, so it comes second

        await().atMost(30, SECONDS).until(() -> counter("ordercycle.events.duplicates") > duplicatesBefore);
        assertThat(rows("select count(*) from production_order where id = ?1", placed.orderId())).isEqualTo(1);
        assertThat(rows("select count(*) from production_order_line where order_id = ?1", placed.orderId()))
                .isEqualTo(2);
    }

    @Test
    void unreadableOrderIsDeadLetteredAndTheNextOrderIsReceived() {
        OrderPlaced next = order();
        String key = next.orderId().toString();

        // Same key as the good order: same partition, so the good one is read only after the poison.
        TopicClient.send("sales.orders", key, "{not json",
                Map.of("ce_type", "OrderPlaced", "ce_id", UUID.randomUUID().toString()));
        TopicClient.sendEvent(next);

        await().atMost(30, SECONDS).untilAsserted(() -> productionOrder(next.orderId()).statusCode(200));
        ConsumerRecord<String, String> deadLetter = TopicClient.readAll("sales.orders.dlq").stream()
                .filter(record -> key.equals(record.key())).findFirst().orElseThrow();
        assertThat(deadLetter.value()).isEqualTo("{not json");
        assertThat(TopicClient.header(deadLetter, "dead-letter-reason")).startsWith("unreadable OrderPlaced");
    }

    @Test
    void unknownOrderIsA404Problem() {
        productionOrder(UUID.randomUUID())
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", startsWith("production order"));
    }

    private static ValidatableResponse productionOrder(UUID id) {
        return given().auth().oauth2(PRODUCTION).get("/orders/" + id).then();
    }

    private static OrderPlaced order() {
        return new OrderPlaced(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                List.of(new OrderLine(1, "SKU-1", new BigDecimal("3"), null, null, null, null),
                        new OrderLine(2, "SKU-2", new BigDecimal("12"), null, null, null, null)),
                "EUR", LocalDate.parse("2026-11-25"), Classification.INTERNAL_AFFILIATE, "sam", null, null);
    }

    private double counter(String name) {
        return KitMetrics.count(metrics, name, "type", "OrderPlaced");
    }

    private static long rows(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue());
    }
}
