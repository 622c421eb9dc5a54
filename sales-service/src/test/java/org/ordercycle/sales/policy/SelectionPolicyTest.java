package org.ordercycle.sales.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderDeclined;
import org.ordercycle.sales.ContactEvents.Profile;
import org.ordercycle.sales.SalesEvents;
import org.ordercycle.sales.SalesTestResource;
import org.ordercycle.testinfra.TestInfra;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class SelectionPolicyTest {

    /**
     * Tier C (40), sold below cost (margin 0), no stock nor surplus capacity (capacity fit 20), promised 10 days after
     * the requested day (urgency 0): (40 + 0 + 20 + 0) / 4 = 15, below the default threshold of 40.
     */
    private static String unattractiveOrder() {
        String sku = newSku("LOSS");
        priced(sku, "5.00", "CHF", "19");
        announce(sku, "0", 10, "0", chf("9.00"));
        UUID customer = knownCustomer(Profile.external().tier("C"));
        return placeOrder("""
                {"customerId": "%s", "lines": [{"sku": "%s", "quantity": 3}], "requestedDate": "%s"}"""
                .formatted(customer, sku, today()))
                .statusCode(201)
                .body("status", equalTo("AWAITING_DECISION"))
                .body("decision.score", equalTo(15))
                .body("decision.scoreBreakdown", equalTo("score 15 (tier 40, margin 0, capacity fit 20, date urgency "
                        + "0; auto-accept from 40)"))
                .extract().jsonPath().getString("id");
    }

    @Test
    void ordinaryOrderScoresAboveTheThresholdAndIsAcceptedAutomaticallyWithTheScoreAsPriority() {
        String sku = newSku("GOOD");
        priced(sku, "10.00", "CHF", "19");
        announce(sku, "100", 2, "0", chf("4.00"));
        UUID customer = knownCustomer(Profile.external().tier("B"));

        JsonPath order = placeOrder("""
                {"customerId": "%s", "lines": [{"sku": "%s", "quantity": 3}]}""".formatted(customer, sku))
                .statusCode(201)
                .body("status", equalTo("ACCEPTED"))
                .body("decision.decidedBy", equalTo("selection-policy"))
                .extract().jsonPath();

        // tier B 70, margin 60 % of the 30 % target → 100, stock covers it 100, no date asked 100: 92.5 → 93
        assertThat(order.getInt("decision.score")).isEqualTo(93);
        OrderAccepted accepted = SalesEvents.awaitPublished("sales.orders", order.getString("id"),
                OrderAccepted.class).get(0);
        assertThat(accepted.priority()).isEqualTo(93);
        assertThat(accepted.automatic()).isTrue();
    }

    @Test
    void orderBelowTheThresholdWaitsForAManagerWhoAcceptsItWithAReasonAndEveryDecisionIsAudited() {
        String id = unattractiveOrder();
        assertThat(SalesEvents.types("sales.orders", id)).containsExactly("OrderPlaced");
        as(SALES).get("/orders/decisions").then().statusCode(200).body("id", hasItem(id));

        as(SALES).body("{\"reason\": \"I know them\"}").post("/orders/" + id + "/accept").then()
                .statusCode(403).contentType("application/problem+json");
        as(SALES).body("{\"reason\": \"no\"}").post("/orders/" + id + "/decline").then().statusCode(403);
        as(MANAGER).body("{}").post("/orders/" + id + "/accept").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("reason"));

        as(MANAGER).body("{\"reason\": \"strategic customer, loss leader\"}").post("/orders/" + id + "/accept")
                .then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("decision.decidedBy", equalTo("meg"))
                .body("decision.reason", equalTo("strategic customer, loss leader"))
                .body("promisedDate", equalTo(today().plusDays(10).toString()));

        OrderAccepted accepted = SalesEvents.awaitPublished("sales.orders", id, OrderAccepted.class).get(0);
        assertThat(accepted.automatic()).isFalse();
        assertThat(accepted.decidedBy()).isEqualTo("meg");
        assertThat(accepted.priority()).isEqualTo(15);
        as(SALES).get("/orders/decisions").then().statusCode(200).body("id", not(hasItem(id)));
        as(SALES).get("/orders/" + id + "/decisions").then().statusCode(200)
                .body("decision", equalTo(List.of("QUEUED", "ACCEPTED")))
                .body("by", equalTo(List.of("selection-policy", "meg")))
                .body("[0].reason", containsString("score 15"))
                .body("[1].reason", equalTo("strategic customer, loss leader"));
        as(MANAGER).body("{\"reason\": \"again\"}").post("/orders/" + id + "/accept").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void managerDeclinesAQueuedOrderWithAReasonAndItIsPublished() {
        String id = unattractiveOrder();

        as(MANAGER).body("{\"reason\": \"below cost\"}").post("/orders/" + id + "/decline").then()
                .statusCode(200)
                .body("status", equalTo("DECLINED"));

        OrderDeclined declined = SalesEvents.awaitPublished("sales.orders", id, OrderDeclined.class).get(0);
        assertThat(declined.reason()).isEqualTo("below cost");
        assertThat(declined.decidedBy()).isEqualTo("meg");
        assertThat(SalesEvents.published("sales.orders", id, OrderAccepted.class)).isEmpty();
        as(SALES).body("{}").post("/orders/" + id + "/cancel").then().statusCode(409);
    }

    /**
     * Decision ids come from a sequence handed out in blocks of 50 per instance: with two instances a later decision
     * may get the lower id. The audit trail is in the order the decisions were made, not in id order.
     */
    @Test
    void decisionsAreListedInTheOrderTheyWereMadeEvenWhenALaterOneHasTheLowerId() throws Exception {
        String id = unattractiveOrder();
        as(MANAGER).body("{\"reason\": \"below cost\"}").post("/orders/" + id + "/decline").then()
                .statusCode(200);
        try (Connection db = TestInfra.postgres().connectAsSuperuser("sales");
                PreparedStatement renumber = db.prepareStatement("update order_timeline set id = "
                        + "(select min(id) - 1 from order_timeline) where order_id = ? and decision = 'DECLINED'")) {
            renumber.setObject(1, UUID.fromString(id)); // as if another instance had made it, from a lower block
            assertThat(renumber.executeUpdate()).isEqualTo(1);
        }

        as(SALES).get("/orders/" + id + "/decisions").then().statusCode(200)
                .body("decision", equalTo(List.of("QUEUED", "DECLINED")));
    }

    @Test
    void decidingAnUnknownOrderIsA404() {
        UUID unknown = UUID.randomUUID();
        as(MANAGER).body("{\"reason\": \"x\"}").post("/orders/" + unknown + "/accept").then().statusCode(404)
                .body("detail", containsString(unknown.toString()));
        as(SALES).get("/orders/" + unknown + "/decisions").then().statusCode(404);
    }
}
