package org.ordercycle.kit.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What an operator relies on in every service: readiness means the database answers, the broker and the outbox
 * relay show in wellness checks, the messaging metrics are exposed, the API is documented. A service's test extends it.
 */
public abstract class OperationalContract {

    @Test
    void readyWhenItsDatabaseAnswers() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections health check")));
    }

    @Test
    void brokerShowsInTheWellnessCheck() {
        given().get("/q/health/well").then()
                .statusCode(200)
                .body("checks.find { it.name == 'kafka-broker' }.status", equalTo("UP"));
    }

    @Test
    void messagingMetricsAreExposed() {
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("ordercycle_outbox_backlog"))
                .body(containsString("ordercycle_outbox_oldest_age_seconds"));
    }

    @Test
    void outboxRelayAndParkedEventsShowInWellnessAndMetrics() {
        given().get("/q/health/well").then()
                .body("checks.find { it.name == 'outbox-relay' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox-parked' }.status", equalTo("UP"));
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("ordercycle_outbox_parked"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
