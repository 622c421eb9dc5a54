package org.ordercycle.returns.returncase;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.ordercycle.returns.Cases.events;
import static org.ordercycle.returns.Cases.get;
import static org.ordercycle.returns.Cases.post;
import static org.ordercycle.returns.Cases.recordsOf;
import static org.ordercycle.returns.Cases.types;
import static org.ordercycle.returns.OtherDepartments.acceptAndShip;
import static org.ordercycle.returns.OtherDepartments.accepted;
import static org.ordercycle.returns.OtherDepartments.agreed;
import static org.ordercycle.returns.OtherDepartments.customer;
import static org.ordercycle.returns.OtherDepartments.replacementPlaced;
import static org.ordercycle.returns.OtherDepartments.shipped;
import static org.ordercycle.returns.OtherDepartments.shippedLine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.Money;
import org.ordercycle.events.billing.RefundPaid;
import org.ordercycle.events.contact.CustomerErased;
import org.ordercycle.events.returns.PickupScheduled;
import org.ordercycle.events.returns.RefundRequested;
import org.ordercycle.events.returns.ReplacementRequested;
import org.ordercycle.events.returns.ReturnClosed;
import org.ordercycle.events.returns.SatisfactionRecorded;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.returns.ReturnsTestResource;
import org.ordercycle.returns.customer.Customer;

/** Pickup by a carrier, receipt, inspection's refund decision (full, partial, none, replacement), closing. */
@QuarkusTest
@WithTestResource(ReturnsTestResource.class)
class PickupInspectionTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void pickupThenReceiptThenPartialRefundWithReasonIsClosedOnRefundPaidAndItsLeadTimeReported() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        acceptAndShip(accepted(order, customer, agreed(1, "PUMP", "2", "100.00", "0", "19")),
                shipped(order, customer, shippedLine(1, "PUMP", "2")));
        String id = post("/returns", """
                {"orderId": "%s", "reasonCode": "DEFECTIVE", "settlement": "CREDIT",
                 "lines": [{"lineNo": 1, "quantity": 2}]}""".formatted(order)).statusCode(201)
                .body("state", equalTo("AUTHORIZED")).body("settlement", equalTo("CREDIT")).extract().path("id");
        LocalDate tomorrow = LocalDate.now().plusDays(1);

        post("/returns/" + id + "/pickup", """
                {"carrier": "DHL", "pickupDate": "%s", "trackingNo": "JD0001",
                 "address": {"street": "Werkstr. 5", "postalCode": "80331", "city": "München", "country": "DE"}}"""
                .formatted(tomorrow)).statusCode(200)
                .body("state", equalTo("PICKUP_SCHEDULED"))
                .body("pickup.carrier", equalTo("DHL"))
                .body("pickup.trackingNo", equalTo("JD0001"))
                .body("pickup.address.city", equalTo("München"))
                .body("pickup.status", equalTo("SCHEDULED"));
        post("/returns/" + id + "/pickup/collection", "{}").statusCode(200)
                .body("state", equalTo("IN_TRANSIT")).body("pickup.status", equalTo("COLLECTED"));
        post("/returns/" + id + "/receipt", """
                {"lines": [{"lineNo": 1, "condition": "REPAIRABLE"}], "resolution": "PARTIAL_REFUND",
                 "refundAmount": 150.00, "refundReason": "one pump used for weeks, housing scratched"}""")
                .statusCode(200)
                .body("state", equalTo("RECEIVED"))
                .body("pickup.status", equalTo("RECEIVED"))
                .body("resolution", equalTo("PARTIAL_REFUND"))
                .body("refundRequested.amount", equalTo(150.00f));

        long timedBefore = refundsTimed();
        Instant paidAt = Instant.now().plus(Duration.ofHours(2));
        TopicClient.sendEvent(new RefundPaid(UUID.randomUUID(), paidAt, UUID.randomUUID(), UUID.fromString(id), order,
                customer, new Money(new BigDecimal("150.00"), "EUR"), "CREDIT"));
        await().atMost(30, SECONDS).until(() -> "CLOSED".equals(get("/returns/" + id).extract().path("state")));
        JsonPath closed = get("/returns/" + id).extract().jsonPath();
        assertThat(closed.getString("outcome")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(closed.getList("steps.step", String.class)).containsSubsequence("RETURN_REQUESTED",
                "RETURN_AUTHORIZED", "PICKUP_SCHEDULED", "PICKUP_COLLECTED", "RETURN_RECEIVED", "REFUND_REQUESTED",
                "REFUND_PAID", "RETURN_CLOSED");
        assertThat(Duration.parse(closed.getString("refundLeadTime"))).isBetween(Duration.ofMinutes(110),
                Duration.ofMinutes(130));
        assertThat(refundsTimed()).isEqualTo(timedBefore + 1);

        List<ConsumerRecord<String, String>> records = recordsOf("returns.cases", order,
                found -> found.contains("ReturnClosed"));
        assertThat(types(records)).containsExactly("ReturnRequested", "ReturnAuthorized", "PickupScheduled",
                "ReturnReceived", "RefundRequested", "ReturnClosed");
        PickupScheduled pickup = events(records, PickupScheduled.class).get(0);
        assertThat(pickup.carrier()).isEqualTo("DHL");
        assertThat(pickup.pickupDate()).isEqualTo(tomorrow);
        assertThat(pickup.pickupAddress().street()).isEqualTo("Werkstr. 5");
        assertThat(pickup.lines()).extracting(line -> line.lineNo() + " " + line.quantity().stripTrailingZeros())
                .containsExactly("1 2");
        RefundRequested refund = events(records, RefundRequested.class).get(0);
        assertThat(refund.amount().amount()).isEqualByComparingTo("150.00");
        assertThat(refund.reason()).isEqualTo("one pump used for weeks, housing scratched");
        assertThat(refund.settlement()).isEqualTo("CREDIT");
        assertThat(refund.lines()).hasSize(1);
        assertThat(events(records, ReturnClosed.class).get(0).outcome()).isEqualTo("PARTIALLY_REFUNDED");

        JsonPath report = get("/returns/refund-lead-times").statusCode(200).extract().jsonPath();
        assertThat(report.getLong("cases.find { it.returnId == '" + id + "' }.leadTimeSeconds"))
                .isBetween(110L * 60, 130L * 60);
        assertThat(report.getInt("paid")).isPositive();
        assertThat(report.getString("p50")).isNotNull();
        assertThat(report.getLong("p90Seconds")).isGreaterThanOrEqualTo(report.getLong("p50Seconds"));
        get("/returns/refund-lead-times?since=yesterday").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("since"));
    }

    @Test
    void pickupDefaultsToTheCustomersBillingAddressAndRefusesBadInputChangingNothing() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        TopicClient.sendEvent(customer(customer, "sam"));
        await().atMost(30, SECONDS).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Customer.findById(customer) != null));
        acceptAndShip(accepted(order, customer, agreed(1, "PUMP", "2", "100.00", "0", "19")),
                shipped(order, customer, shippedLine(1, "PUMP", "2")));
        String id = post("/returns", "{\"orderId\": \"%s\", \"lines\": [{\"lineNo\": 1, \"quantity\": 1}]}"
                .formatted(order)).statusCode(201).extract().path("id");
        String today = LocalDate.now().toString();

        post("/returns/" + id + "/pickup", "{\"pickupDate\": \"%s\", \"trackingNo\": \"T1\"}".formatted(today))
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("carrier"));
        post("/returns/" + id + "/pickup", "{\"carrier\": \"UPS\", \"pickupDate\": \"%s\", \"trackingNo\": \"T1\"}"
                .formatted(LocalDate.now().minusDays(1))).statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("before today"));
        post("/returns/" + id + "/pickup", """
                {"carrier": "UPS", "pickupDate": "%s", "trackingNo": "T1",
                 "address": {"street": "x", "city": "y", "country": "Germany"}}""".formatted(today))
                .statusCode(400).body("violations.field", hasItem("address.country"));
        post("/returns/" + id + "/pickup/collection", "{}").statusCode(409);
        get("/returns/" + id).body("state", equalTo("AUTHORIZED")).body("pickup", nullValue());

        post("/returns/" + id + "/pickup", "{\"carrier\": \"UPS\", \"pickupDate\": \"%s\", \"trackingNo\": \"T1\"}"
                .formatted(today)).statusCode(200)
                .body("pickup.address.street", equalTo("Hauptstr. 1"))
                .body("pickup.address.city", equalTo("Berlin"));
        post("/returns/" + id + "/pickup", "{\"carrier\": \"UPS\", \"pickupDate\": \"%s\", \"trackingNo\": \"T2\"}"
                .formatted(today)).statusCode(409);

        // Erased by contact: the address goes, the case and its pickup stay.
        TopicClient.sendEvent(new CustomerErased(UUID.randomUUID(), Instant.now(), customer));
        await().atMost(30, SECONDS).until(() -> get("/returns/" + id).extract().path("pickup.address") == null);
        get("/returns/" + id).body("state", equalTo("PICKUP_SCHEDULED")).body("pickup.trackingNo", equalTo("T1"));
    }

    @Test
    void inspectionsRefundDecisionNeedsItsAmountAndReasonAndChangesNothingOtherwise() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        acceptAndShip(accepted(order, customer, agreed(1, "PUMP", "2", "100.00", "0", "19")),
                shipped(order, customer, shippedLine(1, "PUMP", "2")));
        String id = post("/returns", "{\"orderId\": \"%s\", \"lines\": [{\"lineNo\": 1, \"quantity\": 1}]}"
                .formatted(order)).statusCode(201).extract().path("id");
        String line = "\"lines\": [{\"lineNo\": 1, \"condition\": \"SCRAP\"}]";

        post("/returns/" + id + "/receipt", "{" + line + ", \"resolution\": \"PARTIAL_REFUND\", \"refundReason\": \"x\"}")
                .statusCode(400).body("violations.field", hasItem("refundAmount"));
        post("/returns/" + id + "/receipt", "{" + line + ", \"resolution\": \"PARTIAL_REFUND\", \"refundAmount\": 10}")
                .statusCode(400).body("violations.field", hasItem("refundReason"));
        post("/returns/" + id + "/receipt", "{" + line + ", \"resolution\": \"PARTIAL_REFUND\", \"refundAmount\": 119.00, "
                + "\"refundReason\": \"x\"}").statusCode(422).body("detail", containsString("must be less than"));
        post("/returns/" + id + "/receipt", "{" + line + ", \"refundAmount\": 10}").statusCode(400)
                .body("violations.field", hasItem("refundAmount"));
        post("/returns/" + id + "/receipt", "{" + line + ", \"resolution\": \"NO_REFUND\"}").statusCode(400)
                .body("violations.field", hasItem("refundReason"));
        post("/returns/" + id + "/receipt", "{" + line + ", \"resolution\": \"SOMETIMES\"}").statusCode(400);
        get("/returns/" + id).body("state", equalTo("AUTHORIZED")).body("lines[0].condition", nullValue());

        post("/returns/" + id + "/receipt", "{" + line + ", \"resolution\": \"NO_REFUND\", "
                + "\"refundReason\": \"broken by the customer's installer\"}").statusCode(200)
                .body("state", equalTo("CLOSED"))
                .body("outcome", equalTo("NOT_REFUNDED"))
                .body("refundRequested", nullValue())
                .body("refundReason", equalTo("broken by the customer's installer"));
        List<ConsumerRecord<String, String>> records = recordsOf("returns.cases", order,
                found -> found.contains("ReturnClosed"));
        assertThat(types(records)).doesNotContain("RefundRequested");
        assertThat(events(records, ReturnClosed.class).get(0).outcome()).isEqualTo("NOT_REFUNDED");
    }

    @Test
    void replacementInsteadOfRefundAsksSalesForTheLinesLinkedToTheReturn() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        acceptAndShip(accepted(order, customer, agreed(1, "PUMP", "2", "100.00", "0", "19"),
                        agreed(2, "SEAL", "4", "2.00", "0", "19")),
                shipped(order, customer, shippedLine(1, "PUMP", "2"), shippedLine(2, "SEAL", "4")));
        String id = post("/returns", """
                {"orderId": "%s", "reasonCode": "WRONG_ITEM", "lines": [{"lineNo": 2, "quantity": 3}]}"""
                .formatted(order)).statusCode(201).extract().path("id");

        post("/returns/" + id + "/receipt", """
                {"lines": [{"lineNo": 2, "condition": "RESELLABLE"}], "resolution": "REPLACEMENT"}""")
                .statusCode(200)
                .body("state", equalTo("CLOSED"))
                .body("outcome", equalTo("REPLACED"))
                .body("steps.step", hasItem("REPLACEMENT_REQUESTED"));

        List<ConsumerRecord<String, String>> records = recordsOf("returns.cases", order,
                found -> found.contains("ReturnClosed"));
        assertThat(types(records)).containsExactly("ReturnRequested", "ReturnAuthorized", "ReturnReceived",
                "ReplacementRequested", "ReturnClosed");
        ReplacementRequested replacement = events(records, ReplacementRequested.class).get(0);
        assertThat(replacement.returnId()).hasToString(id);
        assertThat(replacement.orderId()).isEqualTo(order);
        assertThat(replacement.lines()).extracting(line -> line.lineNo() + " " + line.sku() + " "
                + line.quantity().stripTrailingZeros()).containsExactly("2 SEAL 3");
        assertThat(events(records, ReturnClosed.class).get(0).outcome()).isEqualTo("REPLACED");

        // Sales places the replacement order; the return links to it.
        UUID replacementOrder = UUID.randomUUID();
        TopicClient.sendEvent(replacementPlaced(replacementOrder, customer, order));
        await().atMost(30, SECONDS).until(() -> replacementOrder.toString()
                .equals(get("/returns/" + id).extract().path("replacementOrderId")));

        // The customer rates the return.
        post("/satisfaction", """
                {"aboutKind": "RETURN", "about": "%s", "score": 5, "comment": "replaced within a week"}""".formatted(id))
                .statusCode(201).body("aboutKind", equalTo("RETURN")).body("customerId", equalTo(customer.toString()));
        SatisfactionRecorded rating = events(recordsOf("returns.service", customer,
                found -> found.contains("SatisfactionRecorded")), SatisfactionRecorded.class).get(0);
        assertThat(rating.about()).hasToString(id);
        assertThat(rating.aboutKind()).isEqualTo(SatisfactionRecorded.AboutKind.RETURN);
        assertThat(rating.score()).isEqualTo(5);
    }

    private long refundsTimed() {
        Timer timer = metrics.find("ordercycle.returns.refund.lead.time").tag("kind", "RETURN").timer();
        return timer == null ? 0 : timer.count();
    }
}
