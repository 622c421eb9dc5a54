package org.ordercycle.sales.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.ordercycle.sales.ContactEvents.knownCustomer;
import static org.ordercycle.sales.ProductionEvents.announce;
import static org.ordercycle.sales.ProductionEvents.chf;
import static org.ordercycle.sales.SalesApi.MANAGER;
import static org.ordercycle.sales.SalesApi.SALES;
import static org.ordercycle.sales.SalesApi.as;
import static org.ordercycle.sales.SalesApi.newSku;
import static org.ordercycle.sales.SalesApi.placeOrder;
import static org.ordercycle.sales.SalesApi.priced;
import static org.ordercycle.sales.SalesApi.today;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.production.OrderScheduled;
import org.ordercycle.events.production.ScheduleChanged;
import org.ordercycle.events.sales.OrderStalled;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.sales.ContactEvents.Profile;
import org.ordercycle.sales.SalesEvents;
import org.ordercycle.sales.SalesTestResource;
import org.ordercycle.sales.TestClock;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class WatchdogTest {

    @Inject
    Watchdog watchdog;

    /** Scores 15 (see SelectionPolicyTest): waits for a manager. */
    private static String queuedOrder() {
        String sku = newSku("SLOW");
        priced(sku, "5.00", "CHF", "19");
        announce(sku, "0", 10, "0", chf("9.00"));
        UUID customer = knownCustomer(Profile.external().tier("C"));
        return placeOrder("""
                {"customerId": "%s", "lines": [{"sku": "%s", "quantity": 3}], "requestedDate": "%s"}"""
                .formatted(customer, sku, today()))
                .statusCode(201).body("status", equalTo("AWAITING_DECISION")).extract().jsonPath().getString("id");
    }

    @Test
    void orderWaitingLongerThanItsStatusLimitIsFlaggedAndPublishedOncePerVisitNamingWhoShouldAct() {
        String id = queuedOrder();
        as(SALES).get("/orders/stalled").then().statusCode(200).body("orderId", not(hasItem(id)));

        TestClock.move(Duration.ofHours(25)); // the limit for AWAITING_DECISION is PT24H
        try {
            as(SALES).get("/orders/stalled").then().statusCode(200)
                    .body("find { it.orderId == '" + id + "' }.owner", equalTo("sales-manager"))
                    .body("find { it.orderId == '" + id + "' }.status", equalTo("AWAITING_DECISION"));
            watchdog.sweep();
            watchdog.sweep();

            List<OrderStalled> stalled = SalesEvents.awaitPublished("sales.orders", id, OrderStalled.class);
            assertThat(stalled).hasSize(1);
            assertThat(stalled.get(0).state()).isEqualTo("AWAITING_DECISION");
            assertThat(stalled.get(0).limit()).isEqualTo(Duration.ofHours(24));
            assertThat(stalled.get(0).owner()).isEqualTo("sales-manager");
            as(SALES).get("/orders/stalled").then()
                    .body("find { it.orderId == '" + id + "' }.reported", equalTo(true));
            as(SALES).get("/orders/" + id + "/timeline").then().body("step", hasItem("ORDER_STALLED"));

            // a new status is a new visit: accepted now, it is not stalled
            as(MANAGER).body("{\"reason\": \"fine\"}").post("/orders/" + id + "/accept").then().statusCode(200);
            as(SALES).get("/orders/stalled").then().body("orderId", not(hasItem(id)));
            watchdog.sweep();
            assertThat(SalesEvents.published("sales.orders", id, OrderStalled.class)).hasSize(1);
        } finally {
            TestClock.move(Duration.ZERO);
        }
    }

    @Test
    void orderPlannedToFinishAfterItsPromisedDateIsAtRiskForItsSalespersonUntilTheScheduleRecovers() {
        String sku = newSku("RISK");
        priced(sku, "10.00", "CHF", "19");
        announce(sku, "100", 1, "0", chf("4.00"));
        UUID customer = knownCustomer(Profile.external());
        String id = placeOrder("""
                {"customerId": "%s", "lines": [{"sku": "%s", "quantity": 1}], "requestedDate": "%s"}"""
                .formatted(customer, sku, today().plusDays(5)))
                .statusCode(201).body("status", equalTo("ACCEPTED")).extract().jsonPath().getString("id");

        TopicClient.sendEvent(new OrderScheduled(UUID.randomUUID(), Instant.now(), UUID.fromString(id),
                today().plusDays(8)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(SALES).get("/orders/at-risk").then().statusCode(200).body("id", hasItem(id)));
        as(SALES).get("/orders/" + id).then().body("atRisk", equalTo(true))
                .body("plannedCompletion", equalTo(today().plusDays(8).toString()));
        as(MANAGER).get("/orders/at-risk").then().body("id", not(hasItem(id)));
        as(MANAGER).get("/orders/at-risk?all=true").then().body("id", hasItem(id));

        TopicClient.sendEvent(new ScheduleChanged(UUID.randomUUID(), Instant.now(), UUID.fromString(id),
                today().plusDays(4), today().plusDays(8), "overtime"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(SALES).get("/orders/" + id).then().body("atRisk", equalTo(false)));
        as(SALES).get("/orders/at-risk").then().body("id", not(hasItem(id)));
        as(SALES).get("/orders/" + id + "/timeline").then()
                .body("step", hasItem("ORDER_SCHEDULED")).body("step", hasItem("SCHEDULE_CHANGED"));
    }
}
