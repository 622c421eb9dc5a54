package org.ordercycle.production;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.Money;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.testinfra.TestInfra;

/** What production's tests do again and again: products, receipts, accepted orders, reading back. */
public final class Production {

    /** Pia works in production. */
    public static final String PRODUCTION = TestInfra.jwt().token("pia", Duration.ofHours(1), "production");
    public static final String SALES = TestInfra.jwt().token("sam", Duration.ofHours(1), "sales");

    private Production() {
    }

    /** A SKU no other test uses. */
    public static String newSku() {
        return "T-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static ValidatableResponse putProduct(String sku, int leadTimeDays) {
        return given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON)
                .body(Map.of("name", "Product " + sku, "unitCost", Map.of("amount", "12.50", "currency", "EUR"),
                        "leadTimeDays", leadTimeDays))
                .put("/products/" + sku).then();
    }

    /** A product with this much on hand. */
    public static String productWithStock(int onHand) {
        String sku = newSku();
        putProduct(sku, 10).statusCode(201);
        if (onHand > 0) {
            receive(sku, onHand).statusCode(201);
        }
        return sku;
    }

    public static ValidatableResponse receive(String sku, Object quantity) {
        return given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "quantity", quantity))
                .post("/stock/receipts").then();
    }

    public static ValidatableResponse receive(String sku, Object quantity, String warehouse) {
        return given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "quantity", quantity, "warehouse", warehouse))
                .post("/stock/receipts").then();
    }

    public static ValidatableResponse adjust(String sku, String warehouse, Object difference, String reason) {
        return given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "warehouse", warehouse, "difference", difference, "reason", reason))
                .post("/stock/adjustments").then();
    }

    public static ValidatableResponse transfer(String sku, String from, String to, Object quantity) {
        return given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "from", from, "to", to, "quantity", quantity))
                .post("/stock/transfers").then();
    }

    /** A warehouse no other test uses. */
    public static String newWarehouse() {
        String code = "W-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON).body(Map.of("name", "Warehouse " + code))
                .put("/warehouses/" + code).then().statusCode(201);
        return code;
    }

    public static ValidatableResponse movements(String sku) {
        return given().auth().oauth2(PRODUCTION).get("/stock/" + sku + "/movements").then();
    }

    public static ValidatableResponse stock(String sku) {
        return given().auth().oauth2(PRODUCTION).get("/stock/" + sku).then();
    }

    public static ValidatableResponse order(UUID id) {
        return given().auth().oauth2(PRODUCTION).get("/orders/" + id).then();
    }

    public static ValidatableResponse ship(UUID orderId, Object body) {
        return given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON).body(body)
                .post("/orders/" + orderId + "/shipments").then();
    }

    public static Map<String, Object> shipment(int lineNo, Object quantity) {
        return Map.of("lines", List.of(Map.of("lineNo", lineNo, "quantity", quantity)), "carrier", "DHL",
                "trackingNo", "TRK-" + lineNo);
    }

    public static OrderLine line(int lineNo, String sku, int quantity) {
        return new OrderLine(lineNo, sku, BigDecimal.valueOf(quantity), new Money(new BigDecimal("20.00"), "EUR"),
                BigDecimal.ZERO, new BigDecimal("19"), null);
    }

    /** The automatic acceptance sales publishes right after the placement. */
    public static OrderAccepted accepted(LocalDate promisedDate, OrderLine... lines) {
        return new OrderAccepted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                List.of(lines), "EUR", 50, promisedDate, "selection-policy", true, null, null, null);
    }

    public static void awaitStatus(UUID orderId, String status) {
        await().atMost(30, SECONDS).untilAsserted(() -> order(orderId).statusCode(200).body("status", equalTo(status)));
    }

    /** The events of one key on a topic, as their records' JSON, oldest first. */
    public static List<Map<String, Object>> events(String topic, String key, String type) {
        return TopicClient.readAll(topic).stream()
                .filter(record -> key.equals(record.key()) && type.equals(TopicClient.header(record, "ce_type")))
                .map(Production::json)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(ConsumerRecord<String, String> record) {
        try {
            return EventJson.mapper().readValue(record.value(), Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
