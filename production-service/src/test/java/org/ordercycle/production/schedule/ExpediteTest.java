package org.ordercycle.production.schedule;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordercycle.production.Production.PRODUCTION;
import static org.ordercycle.production.Production.events;
import static org.ordercycle.production.Production.newSku;
import static org.ordercycle.production.schedule.Plant.accepted;
import static org.ordercycle.production.schedule.Plant.madeToOrder;
import static org.ordercycle.production.schedule.Plant.workCenter;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.ExpediteRequested;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.production.ProductionTestResource;
import org.ordercycle.production.order.Reservations;

@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class ExpediteTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    Reservations reservations;

    @Test
    void grantedExpediteIsAnsweredWithItsCostAndRecordedAsScheduleChanges() {
        String center = workCenter(8, 4, "60.00");
        String machine = newSku();
        madeToOrder(machine, center, 4).statusCode(201);
        OrderAccepted ahead = accepted(90, TODAY.plusDays(30), machine, 4);   // 16 h: today, tomorrow
        OrderAccepted behind = accepted(10, TODAY.plusDays(30), machine, 5);  // 20 h after it: done in 4 days
        reservations.accept(ahead);
        reservations.accept(behind);

        TopicClient.sendEvent(new ExpediteRequested(UUID.randomUUID(), Instant.now(), behind.orderId(),
                TODAY.plusDays(1), "customer's plant stands still", "sam"));

        Map<String, Object> answer = awaitAnswer(behind.orderId());
        // 20 h by tomorrow: 16 regular hours, 4 h overtime at 60.00.
        assertThat(answer).containsEntry("granted", true)
                .containsEntry("newDate", TODAY.plusDays(1).toString())
                .containsEntry("overtimeHours", "4")
                .containsEntry("cost", Map.of("amount", "240.00", "currency", "EUR"))
                .containsEntry("displacedOrders", List.of(ahead.orderId().toString()));
        assertThat(answer.get("reason").toString()).contains("overtime");

        List<Map<String, Object>> moved = events("production.schedule", ahead.orderId().toString(), "ScheduleChanged");
        assertThat(moved).hasSize(1);
        assertThat(moved.get(0)).containsEntry("previousCompletion", TODAY.plusDays(1).toString())
                .containsEntry("plannedCompletion", TODAY.plusDays(3).toString());
        assertThat(moved.get(0).get("reason").toString()).contains("expedite");
        List<Map<String, Object>> expedited = events("production.schedule", behind.orderId().toString(),
                "ScheduleChanged");
        assertThat(expedited).extracting(event -> event.get("plannedCompletion"))
                .containsExactly(TODAY.plusDays(1).toString());

        JsonPath changes = given().auth().oauth2(PRODUCTION)
                .queryParam("month", YearMonth.from(Instant.now().atZone(ZoneOffset.UTC)).toString())
                .get("/schedule/changes").then().statusCode(200).extract().jsonPath();
        assertThat(changes.getList("changes.orderId", String.class))
                .contains(ahead.orderId().toString(), behind.orderId().toString());
        assertThat(changes.getLong("months.find { it.month == '" + YearMonth.now(ZoneOffset.UTC) + "' }.changes"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void expediteThatNeedsMoreOvertimeThanTheWorkCenterHasIsRefusedWithTheReasonAndChangesNothing() {
        String center = workCenter(8, 2, "60.00");
        String machine = newSku();
        madeToOrder(machine, center, 4).statusCode(201);
        OrderAccepted order = accepted(50, TODAY.plusDays(30), machine, 4); // 16 h
        reservations.accept(order);

        TopicClient.sendEvent(new ExpediteRequested(UUID.randomUUID(), Instant.now(), order.orderId(), TODAY, null,
                "sam"));

        Map<String, Object> answer = awaitAnswer(order.orderId());
        assertThat(answer).containsEntry("granted", false).doesNotContainKey("newDate").doesNotContainKey("cost");
        assertThat(answer.get("reason").toString()).contains("8 h of overtime").contains("only 2");
        given().auth().oauth2(PRODUCTION).queryParam("orderId", order.orderId().toString()).get("/schedule/changes")
                .then().statusCode(200).body("changes.size()", org.hamcrest.Matchers.equalTo(0));
    }

    private static Map<String, Object> awaitAnswer(UUID orderId) {
        await().atMost(30, SECONDS).until(() -> !events("production.schedule", orderId.toString(),
                "ExpediteAnswered").isEmpty());
        return events("production.schedule", orderId.toString(), "ExpediteAnswered").get(0);
    }
}
