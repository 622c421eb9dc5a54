package org.ordercycle.kit.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an operator relies on in every service: readiness means the database answers, the broker and the outbox
 * relay show in wellness checks, the messaging metrics are exposed, the API is documented. Health and metrics are
 * served on the management interface only (its own port: Kubernetes probes and Prometheus use it), never on the API
 * port. A service's test extends it.
 */
public abstract class OperationalContract {

    /** Health and metrics are served on the management interface: {@code http://localhost:<management port>/q/}. */
    @TestHTTPResource(management = true)
    URL management;

    @Test
    void readyWhenItsDatabaseAnswers() {
        given().get(management + "health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections health check")));
    }

    @Test
    void brokerShowsInTheWellnessCheck() {
        given().get(management + "health/well").then()
                .statusCode(200)
                .body("checks.find { it.name == 'kafka-broker' }.status", equalTo("UP"));
    }

    @Test
    void messagingMetricsAreExposed() {
        given().get(management + "metrics").then()
                .statusCode(200)
                .body(containsString("ordercycle_outbox_backlog"))
                .body(containsString("ordercycle_outbox_oldest_age_seconds"));
    }

    @Test
    void outboxRelayAndParkedEventsShowInWellnessAndMetrics() {
        given().get(management + "health/well").then()
                .body("checks.find { it.name == 'outbox-relay' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox-parked' }.status", equalTo("UP"));
        given().get(management + "metrics").then()
                .statusCode(200)
                .body(containsString("ordercycle_outbox_parked"));
    }

    /**
     * The figures the people running the cycle watch (deploy/kubernetes' Grafana dashboard): outbox backlog and age,
     * parked events, unresolved dead letters per topic, consumer lag — each on the endpoint, none negative.
     */
    @Test
    void operatorMetricsAreExposedWithSaneValues() {
        String metrics = given().get(management + "metrics").then().statusCode(200).extract().asString();
        for (String name : OPERATOR_METRICS) {
            List<Double> values = metrics.lines()
                    .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                    .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .toList();
            org.assertj.core.api.Assertions.assertThat(values).as(name).isNotEmpty()
                    .allMatch(value -> !value.isNaN() && value >= 0);
        }
    }

    /**
     * What every service exposes for the dashboard from its start (sales adds its orders per state and stalled
     * orders; {@code ordercycle_events_parked_waiting} comes with the parked events' first retry round, 10 s on).
     */
    protected static final List<String> OPERATOR_METRICS = List.of("ordercycle_outbox_backlog",
            "ordercycle_outbox_oldest_age_seconds", "ordercycle_outbox_parked", "ordercycle_dead_letters_unresolved");

    @Test
    void healthAndMetricsAreNotServedOnTheApiPort() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/health/well", "/q/metrics")) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void apiDocumentIsServedOnTheApiPort() {
        given().get("/q/openapi").then().statusCode(200);
    }
}
