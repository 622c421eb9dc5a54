package org.ordercycle.production.stocktaking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.ordercycle.production.Production.PRODUCTION;
import static org.ordercycle.production.Production.accepted;
import static org.ordercycle.production.Production.line;
import static org.ordercycle.production.Production.movements;
import static org.ordercycle.production.Production.newSku;
import static org.ordercycle.production.Production.newWarehouse;
import static org.ordercycle.production.Production.order;
import static org.ordercycle.production.Production.productWithStock;
import static org.ordercycle.production.Production.receive;
import static org.ordercycle.production.Production.stock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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

@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class StockCountTest {

    @Inject
    Reservations reservations;

    @Test
    void postedCountBooksCountedMinusBookAtCountingTimeWhileGoodsKeptMoving() {
        String shortSku = productWithStock(10);
        String over = productWithStock(4);
        String count = openCount(Map.of()).statusCode(201)
                .body("warehouse", equalTo("MAIN")).body("status", equalTo("OPEN")).extract().path("id");

        counted(count, shortSku, 8).statusCode(200)
                .body("lines.find { it.sku == '" + shortSku + "' }.book", equalTo(10))
                .body("lines.find { it.sku == '" + shortSku + "' }.difference", equalTo(-2));
        counted(count, over, 5).statusCode(200);
        // Goods keep moving during the count: no freeze, the differences stay right.
        receive(shortSku, 5).statusCode(201);

        post(count).statusCode(200)
                .body("status", equalTo("POSTED"))
                .body("postedBy", equalTo("pia"))
                .body("lines.find { it.sku == '" + shortSku + "' }.adjusted", equalTo(-2))
                .body("lines.find { it.sku == '" + over + "' }.adjusted", equalTo(1));

        stock(shortSku).body("onHand", equalTo(13));
        stock(over).body("onHand", equalTo(5));
        movements(shortSku).body("kind", equalTo(List.of("RECEIPT", "RECEIPT", "ADJUSTMENT")))
                .body("[2].onHandChange", equalTo(-2))
                .body("[2].reference", equalTo("stock count " + count))
                .body("[2].reason", containsString("counted 8, book 10"));
    }

    @Test
    void countedShortageOfReservedGoodsBackordersTheOrderThatHeldThem() {
        String sku = productWithStock(3);
        OrderAccepted order = accepted(LocalDate.parse("2026-12-24"), line(1, sku, 3));
        reservations.accept(order);
        String count = openCount(Map.of()).statusCode(201).extract().path("id");

        counted(count, sku, 1).statusCode(200);
        post(count).statusCode(200);

        stock(sku).body("onHand", equalTo(1)).body("reserved", equalTo(1)).body("backordered", equalTo(2));
        order(order.orderId()).body("status", equalTo("BACKORDERED")).body("lines[0].backordered", equalTo(2));
    }

    @Test
    void countOfAnotherWarehouseCountsOnlyThere() {
        String sku = productWithStock(2);
        String warehouse = newWarehouse();
        String count = openCount(Map.of("warehouse", warehouse)).statusCode(201).extract().path("id");

        counted(count, sku, 3).statusCode(200).body("lines[0].book", equalTo(0));
        post(count).statusCode(200);

        stock(sku).body("onHand", equalTo(5))
                .body("warehouses.find { it.warehouse == 'MAIN' }.onHand", equalTo(2))
                .body("warehouses.find { it.warehouse == '" + warehouse + "' }.onHand", equalTo(3));
    }

    @Test
    void closedCountRefusesMoreLinesAndBadCountsChangeNothing() {
        String sku = productWithStock(5);
        String count = openCount(Map.of()).statusCode(201).extract().path("id");
        counted(count, sku, 5).statusCode(200);
        post(count).statusCode(200);

        counted(count, sku, 1).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("takes no more lines"));
        post(count).statusCode(409).contentType("application/problem+json");

        String open = openCount(Map.of()).statusCode(201).extract().path("id");
        counted(open, sku, -1).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("counted"));
        counted(open, newSku(), 1).statusCode(422).contentType("application/problem+json");
        counted(UUID.randomUUID().toString(), sku, 1).statusCode(404).contentType("application/problem+json");
        openCount(Map.of("warehouse", "NOWHERE")).statusCode(422).contentType("application/problem+json");

        given().auth().oauth2(PRODUCTION).get("/stock-counts/" + open).then().statusCode(200)
                .body("lines", equalTo(List.of()));
        stock(sku).body("onHand", equalTo(5));
    }

    private static ValidatableResponse openCount(Map<String, Object> body) {
        return given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON).body(body).post("/stock-counts").then();
    }

    private static ValidatableResponse counted(String count, String sku, int quantity) {
        return given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "counted", quantity)).post("/stock-counts/" + count + "/lines").then();
    }

    private static ValidatableResponse post(String count) {
        return given().auth().oauth2(PRODUCTION).post("/stock-counts/" + count + "/posting").then();
    }
}
