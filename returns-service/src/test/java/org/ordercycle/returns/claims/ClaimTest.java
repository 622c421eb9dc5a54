package org.ordercycle.returns.claims;

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
import static org.ordercycle.returns.OtherDepartments.invoiced;
import static org.ordercycle.returns.OtherDepartments.refundPaid;
import static org.ordercycle.returns.OtherDepartments.shipped;
import static org.ordercycle.returns.OtherDepartments.shippedLine;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ordercycle.events.returns.RefundRequested;
import org.ordercycle.events.returns.ReturnRequested;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.returns.ReturnsTestResource;
import org.ordercycle.returns.order.OrderInvoice;

/** Claims without goods: no pickup, no receipt; an amount capped at what billing invoiced for the order. */
@QuarkusTest
@WithTestResource(ReturnsTestResource.class)
class ClaimTest {

    @Test
    void claimWithoutGoodsIsRefundedAsAnAmountCappedAtTheInvoicedGrossAndClosedOnRefundPaid() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        acceptAndShip(accepted(order, customer, agreed(1, "PUMP", "1", "100.00", "0", "19")),
                shipped(order, customer, shippedLine(1, "PUMP", "1")));
        // Billing invoiced less than the agreed 119.00 (say, an early-payment deal): its figure is the cap.
        TopicClient.sendEvent(invoiced(order, customer, "50.00"));
        await().atMost(30, SECONDS).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> OrderInvoice.invoicedGross(order).isPresent()));

        post("/claims", claim(order, "LATE_DELIVERY", "60.00")).statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("exceeds the 50.00 EUR of order " + order));
        String id = post("/claims", claim(order, "LATE_DELIVERY", "20.00")).statusCode(201)
                .header("Location", containsString("/returns/"))
                .body("kind", equalTo("CLAIM"))
                .body("reasonCode", equalTo("LATE_DELIVERY"))
                .body("state", equalTo("REFUND_REQUESTED"))
                .body("claimedAmount.amount", equalTo(20.00f))
                .body("refundRequested.amount", equalTo(20.00f))
                .body("pickup", nullValue())
                .extract().path("id");
        post("/claims", claim(order, "MISSING_PART", "30.01")).statusCode(422)
                .body("detail", containsString("exceeds the 30.00 EUR"));
        post("/returns/" + id + "/pickup", """
                {"carrier": "DHL", "pickupDate": "2099-01-01", "trackingNo": "X"}""").statusCode(409);
        post("/returns/" + id + "/receipt", "{\"lines\": [{\"lineNo\": 1, \"condition\": \"SCRAP\"}]}").statusCode(409);
        get("/returns?orderId=" + order).body("size()", equalTo(1));

        TopicClient.sendEvent(refundPaid(UUID.fromString(id), order, customer, "20.00"));
        await().atMost(30, SECONDS).until(() -> "CLOSED".equals(get("/returns/" + id).extract().path("state")));
        get("/returns/" + id).body("outcome", equalTo("REFUNDED")).body("refundPaid.amount", equalTo(20.00f));

        List<ConsumerRecord<String, String>> records = recordsOf("returns.cases", order,
                found -> found.contains("ReturnClosed"));
        assertThat(types(records)).containsExactly("ReturnRequested", "ReturnAuthorized", "RefundRequested",
                "ReturnClosed");
        assertThat(events(records, ReturnRequested.class).get(0).lines()).isEmpty();
        RefundRequested refund = events(records, RefundRequested.class).get(0);
        assertThat(refund.lines()).isEmpty();
        assertThat(refund.amount().amount()).isEqualByComparingTo("20.00");
        assertThat(refund.settlement()).isEqualTo("REFUND");
        assertThat(refund.reason()).isEqualTo("LATE_DELIVERY: delivered two weeks after the promised date");
    }

    @Test
    void withoutAnInvoiceTheClaimIsCappedAtTheShippedGrossAtTheAgreedPrices() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        acceptAndShip(accepted(order, customer, agreed(1, "PUMP", "4", "100.00", "0", "19")),
                shipped(order, customer, shippedLine(1, "PUMP", "1")));

        post("/claims", claim(order, "MISSING_PART", "119.01")).statusCode(422)
                .body("detail", containsString("exceeds the 119.00 EUR"));
        post("/claims", claim(order, "MISSING_PART", "119.00")).statusCode(201).body("state", equalTo("REFUND_REQUESTED"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no order      | {\"type\": \"LATE_DELIVERY\", \"description\": \"late\", \"amount\": 1}                         | orderId",
        "no type       | {\"orderId\": \"ORDER\", \"description\": \"late\", \"amount\": 1}                             | type",
        "no amount     | {\"orderId\": \"ORDER\", \"type\": \"LATE_DELIVERY\", \"description\": \"late\"}               | amount",
        "zero amount   | {\"orderId\": \"ORDER\", \"type\": \"LATE_DELIVERY\", \"description\": \"late\", \"amount\": 0} | amount",
        "cents beyond  | {\"orderId\": \"ORDER\", \"type\": \"LATE_DELIVERY\", \"description\": \"late\", \"amount\": 1.001} | amount",
        "no description| {\"orderId\": \"ORDER\", \"type\": \"LATE_DELIVERY\", \"amount\": 1}                           | description",
    })
    void badClaimIsA400NamingTheField(String description, String body, String field) {
        UUID order = UUID.randomUUID();
        post("/claims", body.replace("ORDER", order.toString())).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));
        post("/claims", claim(order, "LATE_DELIVERY", "1.00")).statusCode(422)
                .body("detail", containsString("not known to returns"));
        get("/returns?orderId=" + order).body("size()", equalTo(0));
    }

    private static String claim(UUID order, String type, String amount) {
        return """
                {"orderId": "%s", "type": "%s", "description": "delivered two weeks after the promised date",
                 "amount": %s}""".formatted(order, type, amount);
    }
}
