package org.ordercycle.sales;

import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;
import static io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.ordercycle.testinfra.TestInfra;

/** Sales' REST API as the tests use it: tokens, prices, orders; JSON numbers read as BigDecimal. */
public final class SalesApi {

    public static final String SALES = TestInfra.jwt().token("sam", Duration.ofHours(1), "sales");
    public static final String MANAGER = TestInfra.jwt().token("meg", Duration.ofHours(1), "sales-manager");
    public static final String PRODUCTION = TestInfra.jwt().token("pat", Duration.ofHours(1), "production");

    private SalesApi() {
    }

    /** A SKU no other test uses, so that its prices and availability are this test's alone. */
    public static String newSku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ValidatableResponse setPrice(String sku, String unitPrice, String currency, String taxRate,
            LocalDate validFrom) {
        return given().config(RestAssured.config().jsonConfig(jsonConfig().numberReturnType(BIG_DECIMAL)))
                .auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("""
                        {"unitPrice": %s, "currency": "%s", "taxRate": %s, "validFrom": "%s"}"""
                        .formatted(unitPrice, currency, taxRate, validFrom))
                .put("/prices/" + sku).then();
    }

    public static ValidatableResponse setListPrice(String priceList, String sku, String unitPrice, String currency,
            String taxRate) {
        return given().config(RestAssured.config().jsonConfig(jsonConfig().numberReturnType(BIG_DECIMAL)))
                .auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("""
                        {"unitPrice": %s, "currency": "%s", "taxRate": %s, "validFrom": "2020-01-01"}"""
                        .formatted(unitPrice, currency, taxRate))
                .put("/price-lists/" + priceList + "/prices/" + sku).then();
    }

    /** A request as the given role's user: sales (sam), sales-manager (meg) or production (pat). */
    public static io.restassured.specification.RequestSpecification as(String token) {
        return given().config(RestAssured.config().jsonConfig(jsonConfig().numberReturnType(BIG_DECIMAL)))
                .auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Gives the SKU a price in force since long ago. */
    public static void priced(String sku, String unitPrice, String currency, String taxRate) {
        setPrice(sku, unitPrice, currency, taxRate, LocalDate.of(2020, 1, 1)).statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }

    public static ValidatableResponse placeOrder(String json) {
        return given().config(RestAssured.config().jsonConfig(jsonConfig().numberReturnType(BIG_DECIMAL)))
                .auth().oauth2(SALES).contentType(ContentType.JSON).body(json).post("/orders").then();
    }

    public static ValidatableResponse getOrder(Object id) {
        return given().config(RestAssured.config().jsonConfig(jsonConfig().numberReturnType(BIG_DECIMAL)))
                .auth().oauth2(SALES).get("/orders/" + id).then();
    }

    /** A JSON number equal in value to the decimal, whatever type the JSON reader made of it (5, 5.0, 5.00). */
    public static Matcher<Object> decimal(String expected) {
        BigDecimal value = new BigDecimal(expected);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number && new BigDecimal(actual.toString()).compareTo(value) == 0;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a number equal to " + expected);
            }
        };
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
