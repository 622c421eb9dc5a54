package org.ordercycle.production.fulfillment;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.ordercycle.production.Production.PRODUCTION;
import static org.ordercycle.production.Production.SALES;
import static org.ordercycle.production.Production.accepted;
import static org.ordercycle.production.Production.events;
import static org.ordercycle.production.Production.line;
import static org.ordercycle.production.Production.newSku;
import static org.ordercycle.production.Production.productWithStock;
import static org.ordercycle.production.Production.putProduct;
import static org.ordercycle.production.Production.ship;
import static org.ordercycle.production.Production.shipment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.production.ProductionTestResource;
import org.ordercycle.production.order.Reservations;

@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class FulfillmentTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    Reservations reservations;

    @Test
    void confirmedDeliveryPublishesShipmentDeliveredOnceAndIsShownOnTheShipment() throws InterruptedException {
        String sku = productWithStock(5);
        OrderAccepted order = accepted(TODAY.plusDays(3), line(1, sku, 2));
        reservations.accept(order);
        String shipmentId = ship(order.orderId(), shipment(1, 2)).statusCode(201).extract().path("id");
        Thread.sleep(5); // a moment after the shipment left, in whole milliseconds
        Instant deliveredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        deliver(shipmentId, Map.of("deliveredAt", deliveredAt.toString())).statusCode(200)
                .body("deliveredAt", equalTo(deliveredAt.toString()))
                .body("deliveredBy", equalTo("pia"));
        deliver(shipmentId, Map.of()).statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(SALES).get("/shipments/" + shipmentId).then().statusCode(200)
                .body("deliveredAt", equalTo(deliveredAt.toString())).body("mode", equalTo("WAREHOUSE"));
        await().atMost(30, SECONDS).untilAsserted(() -> {
            List<Map<String, Object>> delivered = events("production.shipments", order.orderId().toString(),
                    "ShipmentDelivered");
            assertThat(delivered).hasSize(1);
            assertThat(delivered.get(0)).containsEntry("shipmentId", shipmentId)
                    .containsEntry("deliveredAt", deliveredAt.toString());
        });
    }

    @Test
    void badDeliveryIsAProblemAndChangesNothing() {
        String sku = productWithStock(5);
        OrderAccepted order = accepted(TODAY.plusDays(3), line(1, sku, 1));
        reservations.accept(order);
        String shipmentId = ship(order.orderId(), shipment(1, 1)).statusCode(201).extract().path("id");

        deliver(UUID.randomUUID().toString(), Map.of()).statusCode(404).contentType("application/problem+json");
        deliver(shipmentId, Map.of("deliveredAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())).statusCode(400)
                .contentType("application/problem+json");
        deliver(shipmentId, Map.of("deliveredAt", Instant.now().minus(1, ChronoUnit.DAYS).toString())).statusCode(400)
                .contentType("application/problem+json");

        given().auth().oauth2(PRODUCTION).get("/shipments/" + shipmentId).then().statusCode(200)
                .body("deliveredAt", equalTo(null));
    }

    @Test
    void goodsLeaveFromTheWarehouseStraightFromTheLineOrOnSite() {
        String sku = productWithStock(5);
        OrderAccepted order = accepted(TODAY.plusDays(3), line(1, sku, 3));
        reservations.accept(order);

        ship(order.orderId(), shipment(1, 1)).statusCode(201)
                .body("mode", equalTo("WAREHOUSE")).body("shippedFrom", equalTo("MAIN"));
        ship(order.orderId(), Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 1)), "carrier", "DHL",
                "mode", "LINE")).statusCode(201)
                .body("mode", equalTo("LINE")).body("shippedFrom", equalTo("LINE"));
        ship(order.orderId(), Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 1)), "carrier", "ON_SITE"))
                .statusCode(201)
                .body("mode", equalTo("ON_SITE")).body("trackingNo", equalTo(null));
    }

    @Test
    void lateOrdersAreTheOpenOnesPastTheirPromisedDateOrPlannedAfterIt() {
        String inStock = productWithStock(10);
        String slow = newSku();
        putProduct(slow, 30).statusCode(201);
        OrderAccepted overdue = accepted(TODAY.minusDays(3), line(1, inStock, 1));
        OrderAccepted willBeLate = accepted(TODAY.plusDays(5), line(1, slow, 1));
        OrderAccepted onTime = accepted(TODAY.plusDays(40), line(1, slow, 1));
        OrderAccepted shippedLate = accepted(TODAY.minusDays(2), line(1, inStock, 1));
        List.of(overdue, willBeLate, onTime, shippedLate).forEach(reservations::accept);
        ship(shippedLate.orderId(), shipment(1, 1)).statusCode(201);

        JsonPath late = given().auth().oauth2(SALES).get("/fulfillment/late").then().statusCode(200)
                .extract().jsonPath();
        List<String> ids = late.getList("orderId", String.class);
        assertThat(ids).contains(overdue.orderId().toString(), willBeLate.orderId().toString())
                .doesNotContain(onTime.orderId().toString(), shippedLate.orderId().toString());
        assertThat(late.getString("find { it.orderId == '" + overdue.orderId() + "' }.lateness"))
                .isEqualTo("PAST_PROMISED_DATE");
        assertThat(late.getInt("find { it.orderId == '" + overdue.orderId() + "' }.daysLate")).isEqualTo(3);
        assertThat(late.getString("find { it.orderId == '" + willBeLate.orderId() + "' }.lateness"))
                .isEqualTo("PLANNED_AFTER_PROMISED_DATE");
        assertThat(late.getString("find { it.orderId == '" + willBeLate.orderId() + "' }.plannedCompletion"))
                .isEqualTo(TODAY.plusDays(30).toString());
        assertThat(late.getInt("find { it.orderId == '" + willBeLate.orderId() + "' }.daysLate")).isEqualTo(25);
        given().auth().oauth2(PRODUCTION).get("/orders/" + onTime.orderId()).then()
                .body("plannedCompletion", equalTo(TODAY.plusDays(30).toString()))
                .body("promisedDate", notNullValue());
    }

    private static io.restassured.response.ValidatableResponse deliver(String shipmentId, Map<String, Object> body) {
        return given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON).body(body)
                .post("/shipments/" + shipmentId + "/delivery").then();
    }
}
