package org.ordercycle.production.stock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.ordercycle.production.Production.PRODUCTION;
import static org.ordercycle.production.Production.SALES;
import static org.ordercycle.production.Production.events;
import static org.ordercycle.production.Production.newSku;
import static org.ordercycle.production.Production.putProduct;
import static org.ordercycle.production.Production.receive;
import static org.ordercycle.production.Production.stock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordercycle.production.ProductionTestResource;

@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class ProductAndStockTest {

    @Test
    void productIsCreatedThenChangedAndEveryChangeAndReceiptPublishesAvailability() {
        String sku = newSku();

        putProduct(sku, 7).statusCode(201)
                .header("Location", containsString("/products/" + sku))
                .body("sku", equalTo(sku))
                .body("unitCost.amount", equalTo(12.50f))
                .body("unitCost.currency", equalTo("EUR"))
                .body("leadTimeDays", equalTo(7));
        putProduct(sku, 9).statusCode(200).body("leadTimeDays", equalTo(9));
        receive(sku, 5).statusCode(201)
                .body("sku", equalTo(sku))
                .body("quantity", equalTo(5))
                .body("receivedBy", equalTo("pia"))
                .body("stock.onHand", equalTo(5));

        given().auth().oauth2(SALES).get("/products/" + sku).then().statusCode(200)
                .body("name", equalTo("Product " + sku)).body("leadTimeDays", equalTo(9));
        stock(sku).statusCode(200)
                .body("onHand", equalTo(5))
                .body("reserved", equalTo(0))
                .body("availableToPromise", equalTo(5))
                .body("backordered", equalTo(0));

        List<Map<String, Object>> published = events("production.availability", sku, "AvailabilityChanged");
        assertThat(published).extracting(event -> event.get("leadTimeDays")).containsExactly(7, 9, 9);
        assertThat(published).extracting(event -> event.get("onHand")).containsExactly("0", "0", "5");
        assertThat(published).extracting(event -> event.get("availableToPromise")).containsExactly("0", "0", "5");
        assertThat(published).extracting(event -> event.get("by")).containsOnly("pia");
        assertThat(published.get(0).get("unitCost")).isEqualTo(Map.of("amount", "12.50", "currency", "EUR"));
    }

    @Test
    void receiptOfNothingIsA400Problem() {
        String sku = newSku();
        putProduct(sku, 1).statusCode(201);

        for (Object quantity : List.of(0, -2)) {
            receive(sku, quantity).statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("quantity"));
        }
        stock(sku).body("onHand", equalTo(0));
    }

    @Test
    void receiptOfAnUnknownProductIsA422Problem() {
        String sku = newSku();

        receive(sku, 3).statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString(sku));
        stock(sku).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void productWithNegativeLeadTimeOrBadCostIsA400Problem() {
        String sku = newSku();

        given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON)
                .body(Map.of("name", "Widget", "unitCost", Map.of("amount", "-1", "currency", "eur"),
                        "leadTimeDays", -1))
                .put("/products/" + sku).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("leadTimeDays"))
                .body("violations.field", hasItem("unitCost.amount"))
                .body("violations.field", hasItem("unitCost.currency"));
        given().auth().oauth2(PRODUCTION).get("/products/" + sku).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyProductionWritesProductsAndStock() {
        String sku = newSku();

        given().auth().oauth2(SALES).contentType(ContentType.JSON)
                .body(Map.of("name", "Widget", "unitCost", Map.of("amount", "1", "currency", "EUR"), "leadTimeDays", 1))
                .put("/products/" + sku).then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(SALES).contentType(ContentType.JSON).body(Map.of("sku", sku, "quantity", 1))
                .post("/stock/receipts").then()
                .statusCode(403).contentType("application/problem+json");
    }
}
