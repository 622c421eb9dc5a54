package org.ordercycle.kit.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.ordercycle.testinfra.OrderCycleTestResource;

/** What the system tests' hostile input (HostileInputIT) found answered wrongly, answered right by the kit. */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
class HostileInputConventionsTest {

    @Test
    @TestSecurity(user = "alice", roles = "sales")
    void aTextBodyIsA415EvenWhereTheRecordHasOneTextComponent() {
        given().contentType(ContentType.TEXT).body("{\"reference\":\"PO-1\"}").put("/hostile/reference")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        given().contentType(ContentType.JSON).body("{\"reference\":\"PO-1\"}").put("/hostile/reference")
                .then().statusCode(200).body("reference", equalTo("PO-1"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "sales")
    void aDateGivenAsANumberIsA400NotEpochDays() {
        given().contentType(ContentType.JSON).body("{\"on\": 20260101}").put("/hostile/date")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("on"));
        for (String notADate : new String[] {"[2026, 1, 1]", "[]", "{}", "\"\"", "\"2026-13-45\"", "true"}) {
            given().contentType(ContentType.JSON).body("{\"on\": " + notADate + "}").put("/hostile/date")
                    .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("on"));
        }
        given().contentType(ContentType.JSON).body("{\"on\": \"2026-01-01\"}").put("/hostile/date")
                .then().statusCode(200).body("on", equalTo("2026-01-01"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "sales")
    void aValueTheDatabaseCannotStoreIsA400NotA500() {
        given().urlEncodingEnabled(false).get("/hostile/lookup?name=nul%00byte")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("cannot be stored"));
        given().get("/hostile/lookup?name=plain").then().statusCode(200);
    }
}
