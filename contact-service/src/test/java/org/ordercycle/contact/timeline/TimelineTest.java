package org.ordercycle.contact.timeline;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.contact.ContactTestResource;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.testinfra.TestInfra;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class TimelineTest {

    private static final String CRM = TestInfra.jwt().token("carla", Duration.ofHours(1), "crm");

    @Test
    void ordersAppearOnTheCustomersTimelineOnceEach() {
        UUID customer = register("Timeline Corp");
        OrderPlaced first = order(customer, new BigDecimal("3"));
        OrderPlaced second = order(customer, BigDecimal.ONE);

        TopicClient.sendEvent(first);
        TopicClient.sendEvent(first); // redelivered
        TopicClient.sendEvent(second);

        await().atMost(30, SECONDS).untilAsserted(() -> timeline(customer)
                .body("", hasSize(2))
                .body("[0].kind", equalTo("ORDER_PLACED"))
                .body("[0].orderId", equalTo(first.orderId().toString()))
                .body("[0].summary", equalTo("Order placed: 1 line, 3 units"))
                .body("[1].orderId", equalTo(second.orderId().toString())));
    }

    @Test
    void timelineOfAnUnknownOrganizationIsA404() {
        timelineResponse(UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
    }

    private static ValidatableResponse timeline(UUID customer) {
        return timelineResponse(customer).statusCode(200);
    }

    private static ValidatableResponse timelineResponse(UUID customer) {
        return given().auth().oauth2(CRM).get("/organizations/" + customer + "/timeline").then();
    }

    private static UUID register(String name) {
        String location = given().auth().oauth2(CRM).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\"}")
                .post("/organizations").then().statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static OrderPlaced order(UUID customer, BigDecimal quantity) {
        return new OrderPlaced(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), customer,
                List.of(new OrderLine(1, "SKU-1", quantity, null, null, null)), "EUR", null, Classification.EXTERNAL, "sam",
                null, null);
    }
}
