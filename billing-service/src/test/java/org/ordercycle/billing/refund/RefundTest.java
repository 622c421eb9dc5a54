package org.ordercycle.billing.refund;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.ordercycle.billing.BillingEvents.accepted;
import static org.ordercycle.billing.BillingEvents.acceptedOrder;
import static org.ordercycle.billing.BillingEvents.again;
import static org.ordercycle.billing.BillingEvents.api;
import static org.ordercycle.billing.BillingEvents.awaitInvoices;
import static org.ordercycle.billing.BillingEvents.count;
import static org.ordercycle.billing.BillingEvents.dec;
import static org.ordercycle.billing.BillingEvents.handled;
import static org.ordercycle.billing.BillingEvents.knownCustomer;
import static org.ordercycle.billing.BillingEvents.line;
import static org.ordercycle.billing.BillingEvents.parked;
import static org.ordercycle.billing.BillingEvents.published;
import static org.ordercycle.billing.BillingEvents.refundRequested;
import static org.ordercycle.billing.BillingEvents.send;
import static org.ordercycle.billing.BillingEvents.shipment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.billing.BillingTestResource;
import org.ordercycle.events.billing.CreditNoteIssued;
import org.ordercycle.events.billing.RefundPaid;
import org.ordercycle.events.returns.RefundRequested;

@QuarkusTest
@WithTestResource(BillingTestResource.class)
class RefundTest {

    private static JsonPath creditNotesOf(UUID customer) {
        return api().queryParam("customerId", customer).get("/credit-notes").then().statusCode(200).extract().jsonPath();
    }

    private static void awaitRefund(UUID returnId) {
        await().atMost(30, SECONDS).until(() -> count("select count(*) from refund where return_id = ?1", returnId) == 1);
    }

    @Test
    void creditNotesAreCappedAtWhatWasInvoicedAndEachReturnIsRefundedOnce() {
        UUID customer = knownCustomer(30);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "4", "25.00", "0", "19")));
        send(shipment(order, customer, 1, "2"), shipment(order, customer, 1, "2"));
        JsonPath invoices = awaitInvoices(customer, 2);
        String first = invoices.getString("[0].id");
        String second = invoices.getString("[1].id");

        // Three of the four back: two from the first invoice, one from the second.
        RefundRequested three = refundRequested(UUID.randomUUID(), order, customer, "89.25", 1, "3");
        send(three);
        awaitRefund(three.returnId());
        RefundRequested redelivered = again(three);
        send(redelivered);
        await().atMost(30, SECONDS).until(() -> handled(redelivered.eventId()));

        JsonPath notes = creditNotesOf(customer);
        assertThat(notes.getList("invoiceId")).containsExactly(first, second);
        assertThat(notes.getList("amount.amount", BigDecimal.class)).containsExactly(dec("59.50"), dec("29.75"));
        assertThat(notes.getString("[0].number")).matches("CN-" + LocalDate.now(ZoneOffset.UTC).getYear() + "-\\d{6}");
        api().get("/credit-notes/" + notes.getString("[1].id")).then().statusCode(200)
                .body("returnId", equalTo(three.returnId().toString()))
                .body("lines[0].quantity", equalTo(dec("1.000")))
                .body("net.amount", equalTo(dec("25.00")))
                .body("tax.amount", equalTo(dec("4.75")));

        // Two more back, but only one is left uncredited: the credit note is capped at it.
        RefundRequested two = refundRequested(UUID.randomUUID(), order, customer, "59.50", 1, "2");
        send(two);
        awaitRefund(two.returnId());

        notes = creditNotesOf(customer);
        assertThat(notes.getList("amount.amount", BigDecimal.class))
                .containsExactly(dec("59.50"), dec("29.75"), dec("29.75"));
        assertThat(notes.getList("invoiceId")).containsExactly(first, second, second);
        List<RefundPaid> refunds = await().atMost(30, SECONDS)
                .until(() -> published("billing.payments", customer, RefundPaid.class), list -> list.size() >= 2);
        assertThat(refunds).extracting(refund -> refund.returnId() + " " + refund.amount().amount())
                .containsExactly(three.returnId() + " 89.25", two.returnId() + " 29.75");
        assertThat(published("billing.invoices", customer, CreditNoteIssued.class)).hasSize(3);
    }

    @Test
    void refundWaitsUntilTheInvoicesCoverTheReturnedQuantity() {
        UUID customer = knownCustomer(30);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "2", "10.00", "0", "19")));
        send(shipment(order, customer, 1, "1"));
        awaitInvoices(customer, 1);

        RefundRequested both = refundRequested(UUID.randomUUID(), order, customer, "23.80", 1, "2");
        send(both);
        await().atMost(30, SECONDS).until(() -> parked(both.eventId()));
        assertThat(creditNotesOf(customer).getList("$")).isEmpty();

        send(shipment(order, customer, 1, "1"));

        awaitRefund(both.returnId());
        assertThat(creditNotesOf(customer).getList("amount.amount", BigDecimal.class))
                .containsExactly(dec("11.90"), dec("11.90"));
        assertThat(count("select sum(amount * 100)::bigint from refund where return_id = ?1", both.returnId()))
                .isEqualTo(2380);
    }
}
