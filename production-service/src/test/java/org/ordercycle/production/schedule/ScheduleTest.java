package org.ordercycle.production.schedule;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.ordercycle.production.Production.PRODUCTION;
import static org.ordercycle.production.Production.events;
import static org.ordercycle.production.Production.movements;
import static org.ordercycle.production.Production.newSku;
import static org.ordercycle.production.Production.order;
import static org.ordercycle.production.Production.productWithStock;
import static org.ordercycle.production.Production.stock;
import static org.ordercycle.production.schedule.Plant.accepted;
import static org.ordercycle.production.schedule.Plant.billOfMaterial;
import static org.ordercycle.production.schedule.Plant.madeToOrder;
import static org.ordercycle.production.schedule.Plant.productionOrders;
import static org.ordercycle.production.schedule.Plant.workCenter;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.production.ProductionTestResource;
import org.ordercycle.production.order.Reservations;

@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class ScheduleTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    Reservations reservations;

    @Test
    void madeToOrderLinesAreScheduledByPriorityAndThePlannedCompletionIsPublished() {
        String center = workCenter(8, 0, "0");
        String material = productWithStock(100);
        String machine = newSku();
        madeToOrder(machine, center, 4).statusCode(201).body("mode", equalTo("MAKE_TO_ORDER"));
        billOfMaterial(machine, material, 2).statusCode(200).body("components[0].sku", equalTo(material));

        OrderAccepted low = accepted(50, TODAY.plusDays(30), machine, 4); // 16 h: today and tomorrow
        reservations.accept(low);
        order(low.orderId()).body("status", equalTo("IN_PRODUCTION"))
                .body("plannedCompletion", equalTo(TODAY.plusDays(1).toString()))
                .body("lines[0].inProduction", equalTo(4)).body("lines[0].reserved", equalTo(0));
        assertThat(events("production.schedule", low.orderId().toString(), "OrderScheduled"))
                .extracting(event -> event.get("plannedCompletion")).containsExactly(TODAY.plusDays(1).toString());

        OrderAccepted urgent = accepted(90, TODAY.plusDays(30), machine, 2); // 8 h, goes first
        reservations.accept(urgent);

        order(urgent.orderId()).body("plannedCompletion", equalTo(TODAY.toString()));
        order(low.orderId()).body("plannedCompletion", equalTo(TODAY.plusDays(2).toString()));
        List<Map<String, Object>> changed = events("production.schedule", low.orderId().toString(), "ScheduleChanged");
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0)).containsEntry("previousCompletion", TODAY.plusDays(1).toString())
                .containsEntry("plannedCompletion", TODAY.plusDays(2).toString());
        assertThat(changed.get(0).get("reason").toString()).contains(urgent.orderId().toString());
        // Not reserved from stock; its materials are: 2 per unit.
        stock(machine).body("reserved", equalTo(0));
        stock(material).body("reserved", equalTo(12)).body("availableToPromise", equalTo(88));
        assertThat(events("production.schedule", low.orderId().toString(), "OrderBackordered").get(0).get("lines"))
                .isEqualTo(List.of(Map.of("lineNo", 1, "sku", machine, "reserved", "0", "backordered", "4")));

        JsonPath plan = given().auth().oauth2(PRODUCTION).get("/work-centers/" + center).then().statusCode(200)
                .extract().jsonPath();
        BigDecimal committed = plan.getList("plan.hoursCommitted", Object.class).stream()
                .map(Plant::decimal).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(committed).isEqualByComparingTo("24");
        List<Map<String, Object>> capacity = events("production.capacity", center, "CapacityPlanPublished");
        assertThat(capacity).isNotEmpty();
        assertThat(capacity.get(capacity.size() - 1)).containsKey("hoursAvailable");
    }

    @Test
    void completionUsesUpTheMaterialsReservesTheGoodsAndMovesTheOthersForward() {
        String center = workCenter(8, 0, "0");
        String material = productWithStock(10);
        String machine = newSku();
        madeToOrder(machine, center, 8).statusCode(201);
        billOfMaterial(machine, material, 3).statusCode(200);
        OrderAccepted first = accepted(90, TODAY.plusDays(30), machine, 1);
        OrderAccepted second = accepted(10, TODAY.plusDays(30), machine, 1);
        reservations.accept(first);
        reservations.accept(second);
        order(second.orderId()).body("plannedCompletion", equalTo(TODAY.plusDays(1).toString()));
        String work = productionOrders(first.orderId()).get(0).get("id").toString();

        complete(work).statusCode(200).body("status", equalTo("COMPLETED")).body("completedBy", equalTo("pia"));

        order(first.orderId()).body("status", equalTo("RESERVED")).body("lines[0].reserved", equalTo(1))
                .body("lines[0].inProduction", equalTo(0));
        assertThat(events("production.schedule", first.orderId().toString(), "StockReserved")).hasSize(1);
        stock(machine).body("onHand", equalTo(1)).body("reserved", equalTo(1));
        stock(material).body("onHand", equalTo(7)).body("reserved", equalTo(3));
        movements(material).body("kind", hasItem("PRODUCTION_ISSUE"));
        movements(machine).body("kind", equalTo(List.of("PRODUCTION_RECEIPT", "RESERVATION")));
        order(second.orderId()).body("plannedCompletion", equalTo(TODAY.toString()));
        assertThat(events("production.schedule", second.orderId().toString(), "ScheduleChanged"))
                .extracting(event -> event.get("reason").toString()).anyMatch(reason -> reason.contains("completed"));

        complete(work).statusCode(409).contentType("application/problem+json");
        complete(UUID.randomUUID().toString()).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void productionOrderWithoutItsMaterialsCannotBeCompleted() {
        String center = workCenter(8, 0, "0");
        String material = productWithStock(1);
        String machine = newSku();
        madeToOrder(machine, center, 1).statusCode(201);
        billOfMaterial(machine, material, 5).statusCode(200);
        OrderAccepted order = accepted(50, TODAY.plusDays(30), machine, 1);
        reservations.accept(order);
        String work = productionOrders(order.orderId()).get(0).get("id").toString();

        complete(work).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(material));

        stock(material).body("onHand", equalTo(1)).body("reserved", equalTo(1));
        stock(machine).body("onHand", equalTo(0));
    }

    @Test
    void badProductAndCapacityInputIsAProblem() {
        String center = workCenter(8, 0, "0");
        String machine = newSku();
        madeToOrder(machine, "NO-SUCH-CENTER", 1).statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(PRODUCTION).contentType("application/json")
                .body(Map.of("name", "x", "unitCost", Map.of("amount", "1", "currency", "EUR"), "leadTimeDays", 1,
                        "mode", "MAKE_TO_ORDER"))
                .put("/products/" + machine).then().statusCode(400).contentType("application/problem+json");
        madeToOrder(machine, center, -1).statusCode(400).contentType("application/problem+json");
        madeToOrder(machine, center, 1).statusCode(201);
        billOfMaterial(machine, newSku(), 1).statusCode(422).contentType("application/problem+json");
        billOfMaterial(machine, machine, 1).statusCode(400).contentType("application/problem+json");
        billOfMaterial(machine, productWithStock(0), -2).statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(PRODUCTION).contentType("application/json").body(Map.of("hours", 4))
                .put("/work-centers/" + center + "/calendar/not-a-day").then().statusCode(400);
        given().auth().oauth2(PRODUCTION).contentType("application/json").body(Map.of("hours", -4))
                .put("/work-centers/" + center + "/calendar/" + TODAY).then().statusCode(400);
        given().auth().oauth2(PRODUCTION).get("/products/" + machine + "/bill-of-material").then()
                .statusCode(200).body("components", equalTo(List.of()));
    }

    @Test
    void aClosedDayInTheCalendarMovesTheScheduleAndIsRecorded() {
        String center = workCenter(8, 0, "0");
        String machine = newSku();
        madeToOrder(machine, center, 8).statusCode(201);
        OrderAccepted order = accepted(50, TODAY.plusDays(30), machine, 2); // today and tomorrow
        reservations.accept(order);
        order(order.orderId()).body("plannedCompletion", equalTo(TODAY.plusDays(1).toString()));

        given().auth().oauth2(PRODUCTION).contentType("application/json").body(Map.of("hours", 0))
                .put("/work-centers/" + center + "/calendar/" + TODAY.plusDays(1)).then().statusCode(200);

        order(order.orderId()).body("plannedCompletion", equalTo(TODAY.plusDays(2).toString()));
        given().auth().oauth2(PRODUCTION).queryParam("orderId", order.orderId().toString()).get("/schedule/changes")
                .then().statusCode(200)
                .body("changes.size()", equalTo(1))
                .body("changes[0].daysMoved", equalTo(1))
                .body("changes[0].reason", containsString("calendar"));
    }

    private static io.restassured.response.ValidatableResponse complete(String workOrder) {
        return given().auth().oauth2(PRODUCTION).post("/production-orders/" + workOrder + "/completion").then();
    }
}
