package org.ordercycle.production.purchasing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.ordercycle.production.Production.PRODUCTION;
import static org.ordercycle.production.Production.accepted;
import static org.ordercycle.production.Production.line;
import static org.ordercycle.production.Production.movements;
import static org.ordercycle.production.Production.newSku;
import static org.ordercycle.production.Production.order;
import static org.ordercycle.production.Production.productWithStock;
import static org.ordercycle.production.Production.stock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.production.ProductionTestResource;
import org.ordercycle.production.order.Reservations;
import org.ordercycle.production.stock.LedgerAssertions;

@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class PurchasingTest {

    @Inject
    Reservations reservations;

    @Test
    void purchaseOrderIsSuggestedBelowTheReorderPointAndItsGoodsReceiptRaisesStockAfterInspection() {
        String sku = productWithStock(3);
        String supplier = supplier("Seals & Co");
        reorderPoint(sku, 10, 20, supplier).statusCode(200);
        OrderAccepted waiting = accepted(LocalDate.parse("2026-12-20"), line(1, sku, 5)); // 3 reserved, 2 backordered
        reservations.accept(waiting);

        Map<String, Object> suggestion = suggestion(sku);
        assertThat(suggestion).containsEntry("available", 0).containsEntry("onOrder", 0)
                .containsEntry("quantity", 20).containsEntry("supplierId", supplier);

        String purchaseOrder = post("/purchase-orders", Map.of("supplierId", supplier,
                "lines", List.of(Map.of("sku", sku, "quantity", 20)))).statusCode(201)
                .body("status", equalTo("OPEN")).body("warehouse", equalTo("MAIN")).extract().path("id");
        assertThat(suggestion(sku)).as("on order counts: nothing more to suggest").isNull();

        post("/purchase-orders/" + purchaseOrder + "/receipts",
                Map.of("lines", List.of(Map.of("lineNo", 1, "accepted", 16, "rejected", 4)))).statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("lines[0].accepted", equalTo(16)).body("lines[0].rejected", equalTo(4));

        stock(sku).body("onHand", equalTo(19)).body("reserved", equalTo(5)).body("availableToPromise", equalTo(14));
        order(waiting.orderId()).body("status", equalTo("RESERVED"));
        given().auth().oauth2(PRODUCTION).get("/suppliers/" + supplier).then().statusCode(200)
                .body("receivedQuantity", equalTo(20)).body("rejectedQuantity", equalTo(4))
                .body("rejectRate", equalTo(0.2f));
        movements(sku).body("reference", org.hamcrest.Matchers.hasItem("purchase order " + purchaseOrder));
        LedgerAssertions.assertLedgerEqualsFigures(List.of(sku));
    }

    @Test
    void badPurchasingInputIsAProblemAndChangesNothing() {
        String sku = productWithStock(1);
        String supplier = supplier("Bolts Ltd");
        reorderPoint(sku, -1, 5, supplier).statusCode(400).contentType("application/problem+json");
        reorderPoint(newSku(), 1, 5, supplier).statusCode(422).contentType("application/problem+json");
        reorderPoint(sku, 1, 5, UUID.randomUUID().toString()).statusCode(422).contentType("application/problem+json");
        post("/purchase-orders", Map.of("supplierId", UUID.randomUUID().toString(),
                "lines", List.of(Map.of("sku", sku, "quantity", 2)))).statusCode(422);
        post("/purchase-orders", Map.of("supplierId", supplier, "lines", List.of(Map.of("sku", sku, "quantity", -2))))
                .statusCode(400).contentType("application/problem+json");
        post("/purchase-orders", Map.of("supplierId", supplier, "warehouse", "NOWHERE",
                "lines", List.of(Map.of("sku", sku, "quantity", 2)))).statusCode(422);
        String purchaseOrder = post("/purchase-orders", Map.of("supplierId", supplier,
                "lines", List.of(Map.of("sku", sku, "quantity", 5)))).statusCode(201).extract().path("id");

        post("/purchase-orders/" + purchaseOrder + "/receipts",
                Map.of("lines", List.of(Map.of("lineNo", 1, "accepted", 5, "rejected", 1)))).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("5 open"));
        post("/purchase-orders/" + purchaseOrder + "/receipts",
                Map.of("lines", List.of(Map.of("lineNo", 1, "accepted", -1, "rejected", 0)))).statusCode(400);
        post("/purchase-orders/" + purchaseOrder + "/receipts",
                Map.of("lines", List.of(Map.of("lineNo", 2, "accepted", 1, "rejected", 0)))).statusCode(422);
        post("/purchase-orders/" + UUID.randomUUID() + "/receipts",
                Map.of("lines", List.of(Map.of("lineNo", 1, "accepted", 1, "rejected", 0)))).statusCode(404);

        stock(sku).body("onHand", equalTo(1));
        given().auth().oauth2(PRODUCTION).get("/purchase-orders/" + purchaseOrder).then()
                .body("status", equalTo("OPEN")).body("lines[0].accepted", equalTo(0));
        given().auth().oauth2(PRODUCTION).get("/suppliers/" + supplier).then().body("receivedQuantity", equalTo(0));
    }

    private static String supplier(String name) {
        return post("/suppliers", Map.of("name", name, "email", "buy@example.com", "partyId",
                UUID.randomUUID().toString())).statusCode(201).extract().path("id");
    }

    private static ValidatableResponse reorderPoint(String sku, int point, int quantity, String supplier) {
        return given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON)
                .body(Map.of("reorderPoint", point, "reorderQuantity", quantity, "supplierId", supplier))
                .put("/reorder-points/" + sku).then();
    }

    private static Map<String, Object> suggestion(String sku) {
        JsonPath suggestions = given().auth().oauth2(PRODUCTION).get("/purchase-orders/suggestions").then()
                .statusCode(200).extract().jsonPath();
        return suggestions.getMap("find { it.sku == '" + sku + "' }");
    }

    private static ValidatableResponse post(String path, Object body) {
        return given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON).body(body).post(path).then();
    }
}
