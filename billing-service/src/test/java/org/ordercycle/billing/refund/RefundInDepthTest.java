package org.ordercycle.billing.refund;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordercycle.billing.BillingEvents.accepted;
import static org.ordercycle.billing.BillingEvents.acceptedOrder;
import static org.ordercycle.billing.BillingEvents.api;
import static org.ordercycle.billing.BillingEvents.awaitInvoices;
import static org.ordercycle.billing.BillingEvents.count;
import static org.ordercycle.billing.BillingEvents.dec;
import static org.ordercycle.billing.BillingEvents.knownCustomer;
import static org.ordercycle.billing.BillingEvents.line;
import static org.ordercycle.billing.BillingEvents.published;
import static org.ordercycle.billing.BillingEvents.refundRequested;
import static org.ordercycle.billing.BillingEvents.send;
import static org.ordercycle.billing.BillingEvents.shipment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.billing.BillingTestResource;
import org.ordercycle.events.billing.RefundPaid;
import org.ordercycle.events.returns.RefundRequested;

@QuarkusTest
@WithTestResource(BillingTestResource.class)
class RefundInDepthTest {

    private static JsonPath creditNotesOf(UUID customer) {
        return api().queryParam("customerId", customer).get("/credit-notes").then().statusCode(200).extract()
                .jsonPath();
    }

    private static RefundPaid awaitRefundPaid(UUID customer, UUID returnId) {
        return await().atMost(30, SECONDS).until(() -> published("billing.payments", customer, RefundPaid.class)
                .stream().filter(r -> r.returnId().equals(returnId)).findFirst(), java.util.Optional::isPresent).get();
    }

    @Test
    void partialRefundAfterTheInspectionPaysWhatReturnsAsksAndNeverMoreThanWasInvoiced() {
        UUID customer = knownCustomer(30);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "2", "50.00", "0", "19")));
        send(shipment(order, customer, 1, "2"));
        awaitInvoices(customer, 1);

        // One unit back, scratched: the inspection grants half of its 59.50.
        RefundRequested half = refundRequested(UUID.randomUUID(), order, customer, "29.75", "REFUND", "scratched", 1, "1");
        send(half);
        assertThat(awaitRefundPaid(customer, half.returnId()).amount().amount()).isEqualByComparingTo("29.75");
        JsonPath note = creditNotesOf(customer);
        assertThat(note.getObject("[0].amount.amount", BigDecimal.class)).isEqualByComparingTo("29.75");
        assertThat(note.getObject("[0].net.amount", BigDecimal.class)
                .add(note.getObject("[0].tax.amount", BigDecimal.class))).isEqualByComparingTo("29.75");

        // The other unit back, and returns asks for more than it was invoiced at: only the 59.50 it was invoiced at.
        RefundRequested tooMuch = refundRequested(UUID.randomUUID(), order, customer, "500.00", null, null, 1, "1");
        send(tooMuch);
        RefundPaid paid = awaitRefundPaid(customer, tooMuch.returnId());
        assertThat(paid.amount().amount()).isEqualByComparingTo("59.50");
        assertThat(paid.settlement()).isEqualTo("REFUND");
        assertThat(count("select sum(amount * 100)::bigint from credit_note where order_id = ?1", order))
                .as("credited in all never above the invoiced gross 119.00").isLessThanOrEqualTo(11900);
    }

    @Test
    void claimWithoutGoodsIsCappedAtTheInvoicedGrossMinusWhatWasCredited() {
        UUID customer = knownCustomer(30);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "2", "100.00", "0", "19")));
        send(shipment(order, customer, 1, "1"), shipment(order, customer, 1, "1"));
        awaitInvoices(customer, 2); // 119.00 each

        RefundRequested lateDelivery = refundRequested(UUID.randomUUID(), order, customer, "150.00", "REFUND",
                "late delivery");
        send(lateDelivery);
        assertThat(awaitRefundPaid(customer, lateDelivery.returnId()).amount().amount()).isEqualByComparingTo("150.00");
        JsonPath notes = creditNotesOf(customer);
        assertThat(notes.getList("amount.amount", BigDecimal.class)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("119.00"), dec("31.00"));
        assertThat(notes.getList("lines")).allMatch(lines -> ((List<?>) lines).isEmpty());

        RefundRequested more = refundRequested(UUID.randomUUID(), order, customer, "500.00", "REFUND", "missing part");
        send(more);
        assertThat(awaitRefundPaid(customer, more.returnId()).amount().amount())
                .as("238.00 invoiced, 150.00 credited before").isEqualByComparingTo("88.00");
    }

    @Test
    void refundAsCreditSettlesTheOpenInvoiceAndTheRestTheNextInvoice() {
        UUID customer = knownCustomer(30);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "3", "100.00", "0", "19")));
        send(shipment(order, customer, 1, "1"));
        String first = awaitInvoices(customer, 1).getString("[0].id"); // 119.00 open

        RefundRequested credit = refundRequested(UUID.randomUUID(), order, customer, "200.00", "CREDIT",
                "late delivery");
        send(credit);
        RefundPaid paid = awaitRefundPaid(customer, credit.returnId());
        assertThat(paid.settlement()).isEqualTo("CREDIT");
        assertThat(paid.amount().amount()).as("capped at the invoiced 119.00").isEqualByComparingTo("119.00");
        api().get("/invoices/" + first).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PAID"));

        // The second invoice is paid; a claim kept as credit while nothing is open settles the next invoice.
        send(shipment(order, customer, 1, "1"));
        awaitInvoices(customer, 2);
        api().contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("customerId", customer.toString(), "amount",
                        java.util.Map.of("amount", "119.00", "currency", "EUR")))
                .post("/payments").then().statusCode(201);
        RefundRequested second = refundRequested(UUID.randomUUID(), order, customer, "19.00", "CREDIT", "scratch");
        send(second);
        awaitRefundPaid(customer, second.returnId());
        assertThat(api().get("/customers/" + customer + "/open-items").then().statusCode(200).extract().jsonPath()
                .getString("credit")).isEqualTo("19.00");

        send(shipment(order, customer, 1, "1"));

        JsonPath invoices = awaitInvoices(customer, 3);
        assertThat(invoices.getString("[2].gross.amount")).isEqualTo("119.00");
        assertThat(invoices.getString("[2].open.amount")).isEqualTo("100.00");
        JsonPath openItems = api().get("/customers/" + customer + "/open-items").then().statusCode(200).extract()
                .jsonPath();
        assertThat(openItems.getString("totalOpen")).isEqualTo("100.00");
        assertThat(openItems.getString("credit")).isEqualTo("0.00");
    }
}
