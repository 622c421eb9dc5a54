package org.ordercycle.production.shipment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ordercycle.production.Production.PRODUCTION;
import static org.ordercycle.production.Production.accepted;
import static org.ordercycle.production.Production.awaitStatus;
import static org.ordercycle.production.Production.line;
import static org.ordercycle.production.Production.productWithStock;
import static org.ordercycle.production.Production.shipment;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.production.ProductionTestResource;

/**
 * A shipment is its own REST call, yet its events continue the trace of the order it ships (the trace sales'
 * {@code POST /orders} started), so the invoice billing issues for it is in that trace too.
 */
@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class ShipmentTraceTest {

    @Test
    void shipmentEventsContinueTheTraceOfTheOrderNotOfTheRequestThatShips() throws JsonProcessingException {
        String orderTrace = "00-%032x-00f067aa0ba902b7-01".formatted(UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE);
        String sku = productWithStock(10);
        OrderAccepted order = accepted(LocalDate.parse("2026-12-01"), line(1, sku, 2));
        sendWithTrace(order, orderTrace);
        awaitStatus(order.orderId(), "RESERVED");

        String shipmentId = given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON)
                .header("traceparent", "00-99999999999999999999999999999999-1111111111111111-01")
                .body(shipment(1, 2)).post("/orders/" + order.orderId() + "/shipments")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON).body("{}")
                .post("/shipments/" + shipmentId + "/delivery").then().statusCode(200);

        assertThat(traceOf(order.orderId(), "ShipmentDispatched")).isEqualTo(orderTrace);
        assertThat(traceOf(order.orderId(), "ShipmentDelivered")).isEqualTo(orderTrace);
    }

    private static void sendWithTrace(OrderAccepted event, String traceparent) throws JsonProcessingException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_id", event.eventId().toString());
        headers.put("ce_source", "test");
        headers.put("ce_type", "OrderAccepted");
        headers.put("ce_time", event.occurredAt().toString());
        headers.put("ce_subject", event.orderId().toString());
        headers.put("ce_specversion", "1.0");
        headers.put("content-type", "application/json");
        headers.put("traceparent", traceparent);
        TopicClient.send("sales.orders", event.orderId().toString(), EventJson.mapper().writeValueAsString(event), headers);
    }

    private static String traceOf(UUID orderId, String type) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(
                () -> TopicClient.readAll("production.shipments").stream()
                        .filter(r -> orderId.toString().equals(r.key()) && type.equals(TopicClient.header(r, "ce_type")))
                        .map(r -> TopicClient.header(r, "traceparent")).findFirst().orElse(null),
                trace -> trace != null);
    }
}
