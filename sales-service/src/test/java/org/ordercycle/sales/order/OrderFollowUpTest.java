package org.ordercycle.sales.order;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.ordercycle.sales.ContactEvents.knownCustomer;
import static org.ordercycle.sales.ProductionEvents.announce;
import static org.ordercycle.sales.ProductionEvents.chf;
import static org.ordercycle.sales.SalesApi.MANAGER;
import static org.ordercycle.sales.SalesApi.SALES;
import static org.ordercycle.sales.SalesApi.as;
import static org.ordercycle.sales.SalesApi.decimal;
import static org.ordercycle.sales.SalesApi.newSku;
import static org.ordercycle.sales.SalesApi.placeOrder;
import static org.ordercycle.sales.SalesApi.priced;
import static org.ordercycle.sales.SalesApi.today;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.production.ExpediteAnswered;
import org.ordercycle.events.production.ShippedLine;
import org.ordercycle.events.returns.ReplacementRequested;
import org.ordercycle.events.returns.ReturnLine;
import org.ordercycle.events.sales.ExpediteRequested;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderAmended;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.sales.ContactEvents.Profile;
import org.ordercycle.sales.SalesEvents;
import org.ordercycle.sales.SalesTestResource;

/** What happens to an accepted order afterwards: expedite, amendment, replacement, and finding it again. */
@QuarkusTest
@WithTestResource(SalesTestResource.class)
class OrderFollowUpTest {

    private static String sku() {
        String sku = newSku("FOLLOW");
        priced(sku, "10.00", "CHF", "19");
        announce(sku, "100", 3, "0", chf("4.00"));
        return sku;
    }

    private static JsonPath accepted(UUID customer, String sku, int quantity) {
        return placeOrder("""
                {"customerId": "%s", "lines": [{"sku": "%s", "quantity": %d}], "requestedDate": "%s"}"""
                .formatted(customer, sku, quantity, today().plusDays(10)))
                .statusCode(201).body("status", equalTo("ACCEPTED")).extract().jsonPath();
    }

    @Test
    void expediteIsRequestedAndProductionsAnswerShowsOnTheOrder() {
        UUID customer = knownCustomer(Profile.external());
        String id = accepted(customer, sku(), 2).getString("id");

        as(SALES).body("{\"wantedDate\": \"" + today().minusDays(1) + "\"}").post("/orders/" + id + "/expedite")
                .then().statusCode(400).body("violations.field", hasItem("wantedDate"));
        as(SALES).body("{\"wantedDate\": \"" + today().plusDays(2) + "\", \"reason\": \"trade fair\"}")
                .post("/orders/" + id + "/expedite").then().statusCode(200)
                .body("expedites[0].wantedDate", equalTo(today().plusDays(2).toString()))
                .body("expedites[0].answeredAt", equalTo(null));
        ExpediteRequested requested = SalesEvents.awaitPublished("sales.orders", id, ExpediteRequested.class)
                .get(0);
        assertThat(requested.reason()).isEqualTo("trade fair");
        assertThat(requested.requestedBy()).isEqualTo("sam");

        UUID displaced = UUID.randomUUID();
        TopicClient.sendEvent(new ExpediteAnswered(UUID.randomUUID(), Instant.now(), UUID.fromString(id), true,
                today().plusDays(3), chf("350.00"), List.of(displaced), new BigDecimal("6.5"), "Saturday shift"));
        await().atMost(30, SECONDS).untilAsserted(() -> as(SALES).get("/orders/" + id).then()
                .body("expedites[0].granted", equalTo(true)));
        as(SALES).get("/orders/" + id).then()
                .body("expedites[0].newDate", equalTo(today().plusDays(3).toString()))
                .body("expedites[0].cost.amount", decimal("350.00"))
                .body("expedites[0].overtimeHours", decimal("6.5"))
                .body("expedites[0].displacedOrders", equalTo(List.of(displaced.toString())))
                .body("expedites[0].answerReason", equalTo("Saturday shift"));
        as(SALES).get("/orders/" + id + "/timeline").then().body("step", hasItem("EXPEDITE_ANSWERED"));

        as(SALES).body("{\"wantedDate\": \"" + today().plusDays(1) + "\"}").post("/orders/" + id + "/expedite")
                .then().statusCode(200);
        TopicClient.sendEvent(new ExpediteAnswered(UUID.randomUUID(), Instant.now(), UUID.fromString(id), false,
                null, null, List.of(), null, "no capacity left"));
        await().atMost(30, SECONDS).untilAsserted(() -> as(SALES).get("/orders/" + id).then()
                .body("expedites[1].granted", equalTo(false))
                .body("expedites[1].answerReason", equalTo("no capacity left")));
        as(SALES).body("{\"wantedDate\": \"" + today() + "\"}").post("/orders/" + UUID.randomUUID() + "/expedite")
                .then().statusCode(404);
    }

    @Test
    void acceptedOrderIsAmendedBeforeItShipsAndThePolicyChecksItAgain() {
        String sku = sku();
        UUID customer = knownCustomer(Profile.external());
        String id = accepted(customer, sku, 2).getString("id");

        as(SALES).body("{\"lines\": [{\"lineNo\": 1, \"quantity\": 5}], \"reason\": \"customer needs more\"}")
                .post("/orders/" + id + "/amend").then().statusCode(200)
                .body("lines[0].quantity", decimal("5"))
                .body("lines[0].unitPrice", decimal("10.00"))
                .body("totals.net.amount", decimal("50.00"));
        OrderAmended amended = SalesEvents.awaitPublished("sales.orders", id, OrderAmended.class).get(0);
        assertThat(amended.lines()).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualByComparingTo("5");
            assertThat(line.unitPrice().amount()).isEqualByComparingTo("10.00");
            assertThat(line.taxCategory()).isEqualTo("S");
        });
        assertThat(amended.by()).isEqualTo("sam");
        assertThat(amended.reason()).isEqualTo("customer needs more");

        as(SALES).body("{\"lines\": [{\"lineNo\": 7, \"quantity\": 1}]}").post("/orders/" + id + "/amend").then()
                .statusCode(422).body("violations.field", equalTo(List.of("lines[0].lineNo")));
        as(SALES).body("{}").post("/orders/" + id + "/amend").then().statusCode(400);
        // 200 more than stock, lead time 3 days after the requested date: urgency 70, capacity 20 — still accepted
        as(SALES).body("{\"lines\": [{\"lineNo\": 1, \"quantity\": 200}], \"requestedDate\": \"" + today() + "\"}")
                .post("/orders/" + id + "/amend").then().statusCode(200)
                .body("promisedDate", equalTo(today().plusDays(3).toString()));

        TopicClient.sendEvent(CycleEvents.shipment(UUID.fromString(id), customer, UUID.randomUUID(), Instant.now(),
                null, new ShippedLine(1, sku, new BigDecimal("200"))));
        await().atMost(30, SECONDS).untilAsserted(() -> as(SALES).get("/orders/" + id).then()
                .body("status", equalTo("SHIPPED")));
        as(SALES).body("{\"lines\": [{\"lineNo\": 1, \"quantity\": 300}]}").post("/orders/" + id + "/amend")
                .then().statusCode(409);
        assertThat(SalesEvents.published("sales.orders", id, OrderAmended.class)).hasSize(2);
    }

    @Test
    void amendmentThePolicyWouldNotAcceptNeedsASalesManager() {
        String sku = newSku("THIN");
        priced(sku, "10.00", "CHF", "19");
        announce(sku, "5", 30, "0", chf("9.90"));
        UUID customer = knownCustomer(Profile.external().tier("C"));
        String id = accepted(customer, sku, 1).getString("id");
        // 50 of them: no stock (capacity 20), promised 20 days late (urgency 0), margin 1 % (3), tier C 40: 16
        String amend = "{\"lines\": [{\"lineNo\": 1, \"quantity\": 50}]}";
        as(SALES).body(amend).post("/orders/" + id + "/amend").then().statusCode(422)
                .body("detail", containsString("only a sales manager"));
        assertThat(SalesEvents.published("sales.orders", id, OrderAmended.class)).isEmpty();
        as(MANAGER).body(amend).post("/orders/" + id + "/amend").then().statusCode(200)
                .body("lines[0].quantity", decimal("50"));
    }

    @Test
    void replacementRequestedByReturnsBecomesALinkedOrderAtNoChargeWithTopPriorityOncePerReturn() {
        String sku = sku();
        UUID customer = knownCustomer(Profile.external().discount("5"));
        String original = accepted(customer, sku, 3).getString("id");
        UUID returnId = UUID.randomUUID();
        ReplacementRequested request = new ReplacementRequested(UUID.randomUUID(), Instant.now(), returnId,
                UUID.fromString(original), List.of(new ReturnLine(1, sku, new BigDecimal("2"))));

        TopicClient.sendEvent(request);
        TopicClient.sendEvent(new ReplacementRequested(UUID.randomUUID(), Instant.now(), returnId,
                UUID.fromString(original), request.lines()));

        JsonPath page = await().atMost(30, SECONDS).until(() -> as(SALES)
                .get("/orders?customerId=" + customer).then().statusCode(200).extract().jsonPath(),
                found -> found.getInt("total") == 2);
        String replacement = page.getString("items.find { it.originalOrderId == '" + original + "' }.id");
        assertThat(replacement).isNotNull();
        as(SALES).get("/orders/" + replacement).then()
                .body("status", equalTo("ACCEPTED"))
                .body("lines[0].quantity", decimal("2"))
                .body("lines[0].unitPrice", decimal("0.00"))
                .body("totals.gross.amount", decimal("0.00"))
                .body("decision.priority", equalTo(100));
        OrderPlaced placed = SalesEvents.awaitPublished("sales.orders", replacement, OrderPlaced.class).get(0);
        assertThat(placed.originalOrderId()).hasToString(original);
        OrderAccepted accepted = SalesEvents.awaitPublished("sales.orders", replacement, OrderAccepted.class).get(0);
        assertThat(accepted.priority()).isEqualTo(100);
        assertThat(accepted.automatic()).isTrue();
        assertThat(accepted.lines()).singleElement()
                .satisfies(line -> assertThat(line.unitPrice().amount()).isEqualByComparingTo("0"));
        as(SALES).get("/orders/" + original + "/timeline").then().body("step", hasItem("REPLACEMENT_ORDERED"));
    }

    @Test
    void ordersAreFoundByCustomerStatusSalespersonAndDateAPageAtATime() {
        String sku = sku();
        UUID customer = knownCustomer(Profile.external());
        String first = accepted(customer, sku, 1).getString("id");
        String second = accepted(customer, sku, 1).getString("id");
        String third = accepted(customer, sku, 1).getString("id");
        as(SALES).body("{}").post("/orders/" + first + "/cancel").then().statusCode(200);

        as(SALES).get("/orders?customerId=" + customer + "&size=2").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", equalTo(List.of(third, second)));
        as(SALES).get("/orders?customerId=" + customer + "&size=2&page=1").then()
                .body("items.id", equalTo(List.of(first)));
        as(SALES).get("/orders?customerId=" + customer + "&status=CANCELLED").then()
                .body("items.id", equalTo(List.of(first)));
        as(SALES).get("/orders?customerId=" + customer + "&salesperson=sam&from=" + today() + "&to=" + today())
                .then().body("total", equalTo(3));
        as(SALES).get("/orders?customerId=" + customer + "&from=" + today().plusDays(1)).then()
                .body("total", equalTo(0));
        as(SALES).get("/orders?customerId=" + customer + "&salesperson=nobody").then().body("total", equalTo(0));
        as(SALES).get("/orders?size=1").then().statusCode(200).body("items.size()", equalTo(1))
                .body("size", equalTo(1));
        as(SALES).get("/orders?status=LOST").then().statusCode(400).body("violations.field", hasItem("status"));
        as(SALES).get("/orders?customerId=acme").then().statusCode(400)
                .body("violations.field", hasItem("customerId"));
        as(SALES).get("/orders?from=yesterday").then().statusCode(400).body("violations.field", hasItem("from"));
        as(SALES).get("/orders?size=101").then().statusCode(400).body("violations.field", hasItem("size"));
    }
}
