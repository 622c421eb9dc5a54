package org.ordercycle.sales.price;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.ordercycle.sales.SalesApi.decimal;
import static org.ordercycle.sales.SalesApi.MANAGER;
import static org.ordercycle.sales.SalesApi.SALES;
import static org.ordercycle.sales.SalesApi.newSku;
import static org.ordercycle.sales.SalesApi.setPrice;
import static org.ordercycle.sales.SalesApi.today;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ordercycle.sales.SalesTestResource;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class PriceResourceTest {

    @Test
    void priceInForceIsTheLatestThatHasBegunAndEveryPriceIsKept() {
        String sku = newSku("PRICE");
        setPrice(sku, "10.00", "CHF", "8.1", today().minusDays(30))
                .statusCode(201)
                .header("Location", containsString("/prices/" + sku));
        setPrice(sku, "12.5", "CHF", "8.1", today())
                .statusCode(200)
                .body("inForce.unitPrice", decimal("12.50"));
        setPrice(sku, "14.00", "CHF", "8.1", today().plusDays(1))
                .statusCode(200)
                .body("inForce.unitPrice", decimal("12.50"));

        given().auth().oauth2(SALES).get("/prices/" + sku).then()
                .statusCode(200)
                .body("sku", equalTo(sku))
                .body("inForce.unitPrice", equalTo(12.5f))
                .body("inForce.currency", equalTo("CHF"))
                .body("inForce.taxRate", equalTo(8.1f))
                .body("inForce.validFrom", equalTo(today().toString()))
                .body("inForce.setBy", equalTo("meg"))
                .body("history", hasSize(3))
                .body("history.validFrom", equalTo(java.util.List.of(today().plusDays(1).toString(),
                        today().toString(), today().minusDays(30).toString())));
    }

    @Test
    void aPriceThatBeginsTomorrowIsNotInForceYet() {
        String sku = newSku("LATER");
        setPrice(sku, "3.00", "EUR", "19", today().plusDays(1)).statusCode(201).body("inForce", nullValue());
        given().auth().oauth2(SALES).get("/prices/" + sku).then()
                .statusCode(200)
                .body("inForce", nullValue())
                .body("history", hasSize(1));
    }

    @Test
    void salespeopleReadPricesButOnlyManagersSetThem() {
        String sku = newSku("ROLE");
        given().auth().oauth2(SALES).contentType(ContentType.JSON)
                .body("{\"unitPrice\": 1, \"currency\": \"CHF\", \"taxRate\": 8.1, \"validFrom\": \"2020-01-01\"}")
                .put("/prices/" + sku).then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(SALES).get("/prices/" + sku).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(sku));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no unit price      | {\"currency\": \"CHF\", \"taxRate\": 8.1, \"validFrom\": \"2020-01-01\"}                      | unitPrice",
        "negative price     | {\"unitPrice\": -1, \"currency\": \"CHF\", \"taxRate\": 8.1, \"validFrom\": \"2020-01-01\"}   | unitPrice",
        "five decimals      | {\"unitPrice\": 1.00001, \"currency\": \"CHF\", \"taxRate\": 8.1, \"validFrom\": \"2020-01-01\"} | unitPrice",
        "bad currency       | {\"unitPrice\": 1, \"currency\": \"chf\", \"taxRate\": 8.1, \"validFrom\": \"2020-01-01\"}    | currency",
        "tax rate over 100  | {\"unitPrice\": 1, \"currency\": \"CHF\", \"taxRate\": 101, \"validFrom\": \"2020-01-01\"}    | taxRate",
        "negative tax rate  | {\"unitPrice\": 1, \"currency\": \"CHF\", \"taxRate\": -1, \"validFrom\": \"2020-01-01\"}     | taxRate",
        "no valid from      | {\"unitPrice\": 1, \"currency\": \"CHF\", \"taxRate\": 8.1}                                    | validFrom",
    })
    void badPriceIsA400NamingTheFieldAndSetsNothing(String description, String body, String field) {
        String sku = newSku("BAD");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(body).put("/prices/" + sku).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));
        given().auth().oauth2(SALES).get("/prices/" + sku).then().statusCode(404);
    }

    @Test
    void skuWithASpaceIsA400() {
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"unitPrice\": 1, \"currency\": \"CHF\", \"taxRate\": 8.1, \"validFrom\": \"2020-01-01\"}")
                .put("/prices/SKU 1").then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
