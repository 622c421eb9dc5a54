package org.ordercycle.production.repair;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.ordercycle.production.Production.PRODUCTION;
import static org.ordercycle.production.Production.movements;
import static org.ordercycle.production.Production.productWithStock;
import static org.ordercycle.production.Production.stock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.returns.ItemCondition;
import org.ordercycle.events.returns.ReceivedLine;
import org.ordercycle.events.returns.ReturnReceived;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.production.ProductionTestResource;
import org.ordercycle.production.stock.LedgerAssertions;

@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class RepairQueueTest {

    @Test
    void returnedGoodsGoBackToStockIntoTheRepairQueueOrAreWrittenOffEachAsALedgerMovement() {
        String sku = productWithStock(1);
        ReturnReceived returned = new ReturnReceived(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), List.of(new ReceivedLine(1, sku, new BigDecimal("2"), ItemCondition.RESELLABLE),
                new ReceivedLine(2, sku, new BigDecimal("3"), ItemCondition.REPAIRABLE),
                new ReceivedLine(3, sku, new BigDecimal("4"), ItemCondition.SCRAP)), "rita");

        TopicClient.sendEvent(returned);

        await().atMost(30, SECONDS).until(() -> !queued(returned.returnId()).isEmpty());
        Map<String, Object> repair = queued(returned.returnId()).get(0);
        assertThat(repair).containsEntry("sku", sku).containsEntry("quantity", 3).containsEntry("lineNo", 2)
                .containsEntry("status", "QUEUED").containsEntry("receivedBy", "rita");
        // Sales may promise what is on the shelves, not what waits for the workshop.
        stock(sku).body("onHand", equalTo(3)).body("availableToPromise", equalTo(3))
                .body("warehouses.find { it.warehouse == 'REPAIR' }.onHand", equalTo(3));
        JsonPath ledger = movements(sku).extract().jsonPath();
        assertThat(ledger.getList("kind", String.class)).containsExactlyInAnyOrder("RECEIPT", "RETURN_TO_STOCK",
                "RETURN_TO_STOCK", "RETURN_TO_STOCK", "SCRAP");
        assertThat(ledger.getList("reference", String.class)).contains("return " + returned.returnId());

        given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON).body(Map.of("outcome", "REPAIRED"))
                .post("/repairs/" + repair.get("id") + "/completion").then().statusCode(200)
                .body("status", equalTo("REPAIRED")).body("doneBy", equalTo("pia"));
        stock(sku).body("onHand", equalTo(6)).body("availableToPromise", equalTo(6))
                .body("warehouses.find { it.warehouse == 'REPAIR' }.onHand", equalTo(0));
        given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON).body(Map.of("outcome", "SCRAPPED"))
                .post("/repairs/" + repair.get("id") + "/completion").then().statusCode(409)
                .contentType("application/problem+json");
        LedgerAssertions.assertLedgerEqualsFigures(List.of(sku));
    }

    @Test
    void unknownRepairOrOutcomeIsAProblem() {
        given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON).body(Map.of("outcome", "REPAIRED"))
                .post("/repairs/" + UUID.randomUUID() + "/completion").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(PRODUCTION).queryParam("status", "BROKEN").get("/repairs").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static List<Map<String, Object>> queued(UUID returnId) {
        List<Map<String, Object>> all = given().auth().oauth2(PRODUCTION).queryParam("status", "QUEUED")
                .get("/repairs").then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(repair -> returnId.toString().equals(repair.get("returnId"))).toList();
    }
}
