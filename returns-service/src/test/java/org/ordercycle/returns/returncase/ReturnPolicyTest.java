package org.ordercycle.returns.returncase;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.ordercycle.returns.Cases.RETURNS_MANAGER;
import static org.ordercycle.returns.Cases.events;
import static org.ordercycle.returns.Cases.get;
import static org.ordercycle.returns.Cases.post;
import static org.ordercycle.returns.Cases.recordsOf;
import static org.ordercycle.returns.OtherDepartments.acceptAndShip;
import static org.ordercycle.returns.OtherDepartments.accepted;
import static org.ordercycle.returns.OtherDepartments.acceptedAsClarified;
import static org.ordercycle.returns.OtherDepartments.agreed;
import static org.ordercycle.returns.OtherDepartments.delivered;
import static org.ordercycle.returns.OtherDepartments.shipped;
import static org.ordercycle.returns.OtherDepartments.shippedDaysAgo;
import static org.ordercycle.returns.OtherDepartments.shippedLine;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.returns.ReturnAuthorized;
import org.ordercycle.events.returns.ReturnRejected;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.returns.ReturnsTestResource;
import org.ordercycle.returns.order.Shipment;

/** Reasons, windows and who authorizes: the rule within the window and the automatic value, a person otherwise. */
@QuarkusTest
@WithTestResource(ReturnsTestResource.class)
class ReturnPolicyTest {

    @Test
    void returnOutsideItsReasonsWindowWaitsForAPersonWhoAuthorizesIt() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        acceptAndShip(accepted(order, customer, agreed(1, "PUMP", "3", "100.00", "0", "19")),
                shippedDaysAgo(20, order, customer, shippedLine(1, "PUMP", "3")));

        String late = post("/returns", request(order, "CHANGED_MIND", null)).statusCode(201)
                .body("state", equalTo("REQUESTED"))
                .body("reasonCode", equalTo("CHANGED_MIND"))
                .body("pendingBecause", containsString("after the 14-day window for CHANGED_MIND ended"))
                .extract().path("id");
        // The same order, a reason with a longer window: still open, so the rule authorizes it.
        post("/returns", request(order, "DAMAGED", null)).statusCode(201)
                .body("state", equalTo("AUTHORIZED"))
                .body("pendingBecause", nullValue());

        get("/returns/awaiting-decision").statusCode(200).body("id", hasItem(late));
        post("/returns/" + late + "/receipt", "{\"lines\": [{\"lineNo\": 1, \"condition\": \"RESELLABLE\"}]}")
                .statusCode(409).contentType("application/problem+json");

        post(RETURNS_MANAGER, "/returns/" + late + "/authorize", "{}").statusCode(200)
                .body("state", equalTo("AUTHORIZED"))
                .body("authorizedBy", equalTo("ralf"))
                .body("steps.step", hasItem("RETURN_AUTHORIZED"));
        post(RETURNS_MANAGER, "/returns/" + late + "/authorize", "{}").statusCode(409);
        get("/returns/awaiting-decision").body("id", not(hasItem(late)));

        List<ConsumerRecord<String, String>> records = recordsOf("returns.cases", order,
                types -> types.stream().filter("ReturnAuthorized"::equals).count() == 2);
        assertThat(events(records, ReturnAuthorized.class))
                .extracting(authorized -> authorized.returnId() + " " + authorized.by())
                .contains(late + " ralf");
    }

    @Test
    void windowRunsFromDeliveryOnceProductionReportsIt() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        ShipmentDispatched shipment = shippedDaysAgo(20, order, customer, shippedLine(1, "PUMP", "3"));
        acceptAndShip(accepted(order, customer, agreed(1, "PUMP", "3", "100.00", "0", "19")), shipment);
        post("/returns", request(order, "CHANGED_MIND", null)).statusCode(201).body("state", equalTo("REQUESTED"));

        // Shipped 20 days ago, but delivered only 5 days ago: the 14-day window is still open.
        TopicClient.sendEvent(delivered(shipment, 5));
        await().atMost(30, SECONDS).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Shipment.<Shipment>findById(shipment.shipmentId()).deliveredAt != null));
        post("/returns", request(order, "CHANGED_MIND", null)).statusCode(201)
                .body("state", equalTo("AUTHORIZED"))
                .body("windowEnds", equalTo(LocalDate.now(ZoneOffset.UTC).minusDays(5).plusDays(14).toString()));
    }

    @Test
    void returnWorthMoreThanTheAutomaticValueIsRejectedWithTheReasonAndStopsCounting() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        acceptAndShip(accepted(order, customer, agreed(1, "TURBINE", "1", "2000.00", "0", "19")),
                shipped(order, customer, shippedLine(1, "TURBINE", "1")));

        String id = post("/returns", """
                {"orderId": "%s", "reason": "damaged in transit", "lines": [{"lineNo": 1, "quantity": 1}]}"""
                .formatted(order)).statusCode(201)
                .body("state", equalTo("REQUESTED"))
                .body("reasonCode", equalTo("DAMAGED"))
                .body("pendingBecause", containsString("worth 2380.00 EUR, above the 1000.00 EUR authorized automatically"))
                .extract().path("id");

        post(RETURNS_MANAGER, "/returns/" + id + "/reject", "{}").statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("reason"));
        post(RETURNS_MANAGER, "/returns/" + id + "/reject", "{\"reason\": \"   \"}").statusCode(400);
        get("/returns/" + id).body("state", equalTo("REQUESTED"));

        post(RETURNS_MANAGER, "/returns/" + id + "/reject", "{\"reason\": \"the photos show use, not transport damage\"}")
                .statusCode(200)
                .body("state", equalTo("REJECTED"))
                .body("rejection.reason", equalTo("the photos show use, not transport damage"))
                .body("rejection.by", equalTo("ralf"));
        post(RETURNS_MANAGER, "/returns/" + id + "/authorize", "{}").statusCode(409);

        // Rejected goods no longer count as returned: the same unit can be asked for again.
        post("/returns", request(order, "DEFECTIVE", null)).statusCode(201).body("state", equalTo("REQUESTED"));

        List<ConsumerRecord<String, String>> records = recordsOf("returns.cases", order,
                types -> types.contains("ReturnRejected") && types.stream().filter("ReturnRequested"::equals).count() == 2);
        ReturnRejected rejected = events(records, ReturnRejected.class).get(0);
        assertThat(rejected.returnId()).hasToString(id);
        assertThat(rejected.reason()).isEqualTo("the photos show use, not transport damage");
        assertThat(rejected.by()).isEqualTo("ralf");
        assertThat(events(records, ReturnAuthorized.class)).isEmpty();
    }

    @Test
    void freeTextReasonsMapToTheReasonTheirWordsNameElseChangedMind() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        acceptAndShip(accepted(order, customer, agreed(1, "PUMP", "5", "10.00", "0", "19")),
                shipped(order, customer, shippedLine(1, "PUMP", "5")));

        post("/returns", freeText(order, "damaged in transit")).statusCode(201).body("reasonCode", equalTo("DAMAGED"))
                .body("reason", equalTo("damaged in transit")).body("state", equalTo("AUTHORIZED"));
        post("/returns", freeText(order, "wrong colour delivered")).statusCode(201).body("reasonCode", equalTo("WRONG_ITEM"));
        post("/returns", freeText(order, "it is broken")).statusCode(201).body("reasonCode", equalTo("DEFECTIVE"));
        post("/returns", freeText(order, "too many")).statusCode(201).body("reasonCode", equalTo("CHANGED_MIND"))
                .body("state", equalTo("AUTHORIZED"));
        post("/returns", """
                {"orderId": "%s", "reasonCode": "LATE_DELIVERY", "lines": [{"lineNo": 1, "quantity": 1}]}"""
                .formatted(order)).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("reasonCode"));
        post("/returns", """
                {"orderId": "%s", "reasonCode": "BORED", "lines": [{"lineNo": 1, "quantity": 1}]}"""
                .formatted(order)).statusCode(400).contentType("application/problem+json");
        get("/returns?orderId=" + order).body("size()", equalTo(4));
    }

    @Test
    void notAsAgreedShowsTheOrdersClarificationAndAcceptanceCriteria() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        acceptAndShip(acceptedAsClarified(order, customer, "pumps for the cooling circuit, 24/7 duty",
                        List.of("delivers 200 l/min at 3 bar", "noise below 55 dB"),
                        agreed(1, "PUMP", "2", "100.00", "0", "19")),
                shipped(order, customer, shippedLine(1, "PUMP", "2")));

        String id = post("/returns", """
                {"orderId": "%s", "reasonCode": "NOT_AS_AGREED", "reason": "only 150 l/min measured",
                 "lines": [{"lineNo": 1, "quantity": 1}]}""".formatted(order)).statusCode(201)
                .body("agreement.clarificationSummary", equalTo("pumps for the cooling circuit, 24/7 duty"))
                .body("agreement.acceptanceCriteria", equalTo(List.of("delivers 200 l/min at 3 bar", "noise below 55 dB")))
                .extract().path("id");
        get("/returns/" + id).statusCode(200)
                .body("agreement.acceptanceCriteria[0]", equalTo("delivers 200 l/min at 3 bar"));
        // Other reasons are not judged against the agreement.
        post("/returns", request(order, "DAMAGED", null)).statusCode(201).body("agreement", nullValue());
    }

    private static String request(UUID order, String reasonCode, String settlement) {
        return """
                {"orderId": "%s", "reasonCode": "%s", %s "lines": [{"lineNo": 1, "quantity": 1}]}"""
                .formatted(order, reasonCode, settlement == null ? "" : "\"settlement\": \"" + settlement + "\",");
    }

    private static String freeText(UUID order, String reason) {
        return """
                {"orderId": "%s", "reason": "%s", "lines": [{"lineNo": 1, "quantity": 1}]}""".formatted(order, reason);
    }
}
