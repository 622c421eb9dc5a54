package org.ordercycle.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.ordercycle.billing.BillingEvents.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ordercycle.testinfra.TestInfra;

@QuarkusTest
@WithTestResource(BillingTestResource.class)
class BillingApiTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/invoices                          | 400 | customerId",
        "/invoices?customerId=acme          | 400 | customerId",
        "/invoices?customerId=ID&status=due | 400 | status",
        "/credit-notes                      | 400 | customerId",
        "/credit-notes?customerId=acme      | 400 | customerId",
    })
    void badQueryIsA400NamingTheParameter(String path, int status, String field) {
        api().get(path.replace("ID", UUID.randomUUID().toString())).then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/invoices/", "/credit-notes/", "/payments/", "/customers/%s/open-items"})
    void unknownIdIsA404Problem(String path) {
        UUID id = UUID.randomUUID();
        String url = path.contains("%s") ? path.formatted(id) : path + id;
        api().get(url).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(id.toString()));
    }

    @ParameterizedTest(name = "{0} reads invoices: {1}")
    @CsvSource({"sales, 200", "returns, 200", "admin, 200", "billing, 200", "production, 403", "crm, 403"})
    void invoicesAreReadByBillingAndTheDepartmentsThatNeedThem(String role, int status) {
        String token = TestInfra.jwt().token("someone", Duration.ofMinutes(5), role);
        given().auth().oauth2(token).queryParam("customerId", UUID.randomUUID()).get("/invoices").then()
                .statusCode(status);
    }

    @ParameterizedTest(name = "{0} records payments: {1}")
    @CsvSource({"sales, 403", "returns, 403"})
    void onlyBillingRecordsPayments(String role, int status) {
        String token = TestInfra.jwt().token("someone", Duration.ofMinutes(5), role);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"customerId\": \"" + UUID.randomUUID() + "\", \"amount\": {\"amount\": 1, \"currency\": \"EUR\"}}")
                .post("/payments").then()
                .statusCode(status)
                .body("status", equalTo(status));
    }
}
