package org.ordercycle.production.schedule;

import static io.restassured.RestAssured.given;
import static org.ordercycle.production.Production.PRODUCTION;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.production.Production;

/** Work centers, make-to-order products and their bills of material, for the scheduling tests. */
final class Plant {

    private Plant() {
    }

    static String workCenter(int hoursPerDay, int overtimePerDay, String rate) {
        String code = "WC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON)
                .body(Map.of("name", "Assembly " + code, "hoursPerDay", hoursPerDay, "overtimeHoursPerDay",
                        overtimePerDay, "overtimeRate", Map.of("amount", rate, "currency", "EUR")))
                .put("/work-centers/" + code).then().statusCode(201);
        return code;
    }

    static ValidatableResponse madeToOrder(String sku, String workCenter, Object hoursPerUnit) {
        return given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON)
                .body(Map.of("name", "Machine " + sku, "unitCost", Map.of("amount", "900.00", "currency", "EUR"),
                        "leadTimeDays", 20, "mode", "MAKE_TO_ORDER", "workCenter", workCenter,
                        "hoursPerUnit", hoursPerUnit))
                .put("/products/" + sku).then();
    }

    static ValidatableResponse billOfMaterial(String sku, String material, Object quantity) {
        return given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON)
                .body(Map.of("components", List.of(Map.of("sku", material, "quantity", quantity))))
                .put("/products/" + sku + "/bill-of-material").then();
    }

    static OrderAccepted accepted(int priority, LocalDate promisedDate, String sku, int quantity) {
        OrderLine line = Production.line(1, sku, quantity);
        return new OrderAccepted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                List.of(line), "EUR", priority, promisedDate, "selection-policy", true, null, null, null);
    }

    static List<Map<String, Object>> productionOrders(UUID orderId) {
        return given().auth().oauth2(PRODUCTION).queryParam("orderId", orderId.toString()).get("/production-orders")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }
}
