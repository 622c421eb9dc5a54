package org.ordercycle.kit;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.ordercycle.kit.KitTestSupport.count;
import static org.ordercycle.kit.KitTestSupport.effectsOf;
import static org.ordercycle.kit.KitTestSupport.orderPlaced;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.deadletter.DeadLetter;
import org.ordercycle.kit.deadletter.DeadLetters;
import org.ordercycle.testinfra.OrderCycleTestResource;
import org.ordercycle.testinfra.TestInfra;

/** An operator lists the service's dead letters, replays one after a fix, resolves another; all problem+json. */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(4)
class DeadLetterAdminTest {

    /** Health and metrics are served on the management interface: {@code http://localhost:<management port>/q/}. */
    @TestHTTPResource(management = true)
    URL management;

    @Inject
    TestPublisher publisher;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DeadLetters deadLetters;

    @Test
    void replayAfterAFixAppliesTheEventOnceAndResolvesTheDeadLetter() throws Exception {
        TestOrderHandlers.broken = true;
        OrderPlaced buggy = orderPlaced(UUID.randomUUID(), TestOrderHandlers.REFUSED_UNTIL_FIXED);
        publisher.publish(List.of(buggy));
        DeadLetter deadLetter = awaitDeadLetter(buggy);

        admin().get("/admin/dead-letters?topic=sales.orders").then().statusCode(200)
                .body("id", hasItem(deadLetter.id().toString()));
        admin().get("/admin/dead-letters/" + deadLetter.id()).then().statusCode(200)
                .body("status", equalTo("UNRESOLVED"))
                .body("handler", equalTo(TestOrderHandlers.ID))
                .body("eventId", equalTo(buggy.eventId().toString()))
                .body("exception", containsString("IllegalArgumentException"));
        unresolvedShowsInWellnessAndMetrics();

        // Still broken: the replay says why and the dead letter stays.
        admin().post("/admin/dead-letters/" + deadLetter.id() + "/replay").then().statusCode(200)
                .body("applied", equalTo(false)).body("detail", containsString("not allowed to place orders"));
        assertThat(deadLetters.find(deadLetter.id()).orElseThrow().resolved()).isFalse();

        TestOrderHandlers.broken = false;
        try {
            admin().post("/admin/dead-letters/" + deadLetter.id() + "/replay").then().statusCode(200)
                    .body("applied", equalTo(true)).body("delivery", equalTo("HANDLED"));
        } finally {
            TestOrderHandlers.broken = true;
        }
        assertThat(effectsOf(dataSource, buggy.orderId())).isEqualTo(1);
        // The other handler of OrderPlaced had applied it already: the replay did not apply it twice.
        assertThat(count(dataSource, "select count(*) from test_late_effect where event_id = ?", buggy.eventId()))
                .isEqualTo(1);
        admin().get("/admin/dead-letters/" + deadLetter.id()).then().statusCode(200)
                .body("status", equalTo("REPLAYED")).body("resolvedBy", equalTo("operator"));
        admin().get("/admin/dead-letters").then().statusCode(200)
                .body("id", not(hasItem(deadLetter.id().toString())));
        admin().post("/admin/dead-letters/" + deadLetter.id() + "/replay").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void resolvingMarksADeadLetterHandledWithoutApplyingIt() throws Exception {
        TestOrderHandlers.broken = true;
        OrderPlaced buggy = orderPlaced(UUID.randomUUID(), TestOrderHandlers.REFUSED_UNTIL_FIXED);
        publisher.publish(List.of(buggy));
        DeadLetter deadLetter = awaitDeadLetter(buggy);

        admin().post("/admin/dead-letters/" + deadLetter.id() + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolvedBy", equalTo("operator"));
        admin().post("/admin/dead-letters/" + deadLetter.id() + "/resolve").then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(effectsOf(dataSource, buggy.orderId())).isZero();
        admin().get("/admin/dead-letters?all=true").then().statusCode(200)
                .body("id", hasItem(deadLetter.id().toString()));
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        UUID unknown = UUID.randomUUID();
        admin().get("/admin/dead-letters/" + unknown).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(unknown.toString()));
        admin().post("/admin/dead-letters/" + unknown + "/replay").then().statusCode(404)
                .contentType("application/problem+json");
        admin().get("/admin/dead-letters?topic=no.such.topic").then().statusCode(400)
                .contentType("application/problem+json");
        admin().post("/admin/dead-letters/replay").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestInfra.jwt().token("clerk", Duration.ofMinutes(5), "sales"))
                .get("/admin/dead-letters").then().statusCode(403).contentType("application/problem+json");
    }

    private void unresolvedShowsInWellnessAndMetrics() {
        await().atMost(10, SECONDS).untilAsserted(() -> given().get(management + "health/well").then()
                .statusCode(503)
                .body("checks.find { it.name == 'dead-letters' }.status", equalTo("DOWN")));
        await().atMost(10, SECONDS).untilAsserted(() -> given().get(management + "metrics").then().statusCode(200)
                .body(containsString("ordercycle_dead_letters_unresolved{topic=\"sales.orders\"")));
    }

    private DeadLetter awaitDeadLetter(OrderPlaced event) {
        return await().atMost(30, SECONDS).until(() -> deadLetters.list("sales.orders", true, 1000).stream()
                .filter(d -> event.eventId().equals(d.eventId())).findFirst().orElse(null), d -> d != null);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestInfra.jwt().token("operator", Duration.ofMinutes(5), "admin"));
    }
}
