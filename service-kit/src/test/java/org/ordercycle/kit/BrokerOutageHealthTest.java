package org.ordercycle.kit;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.testinfra.KafkaBroker;
import org.ordercycle.testinfra.OrderCycleTestResource;
import org.ordercycle.testinfra.TestInfra;

/** Readiness means "can serve its API": a broker outage shows in the wellness check, not in readiness. */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(5)
class BrokerOutageHealthTest {

    /** Health and metrics are served on the management interface: {@code http://localhost:<management port>/q/}. */
    @TestHTTPResource(management = true)
    URL management;

    @Test
    void brokerOutageLeavesTheServiceReadyAndShowsInWellness() {
        KafkaBroker kafka = TestInfra.kafka();
        kafka.stop();
        try {
            await().atMost(30, SECONDS).untilAsserted(() -> given().get(management + "health/well").then()
                    .body("checks.find { it.name == 'kafka-broker' }.status", equalTo("DOWN")));
            given().get(management + "health/ready").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            kafka.start();
        }
        // Other checks (unresolved dead letters of earlier tests) may keep the overall status DOWN.
        await().atMost(30, SECONDS).untilAsserted(() -> given().get(management + "health/well").then()
                .body("checks.find { it.name == 'kafka-broker' }.status", equalTo("UP")));
    }
}
