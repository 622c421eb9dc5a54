package org.ordercycle.billing.dunning;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordercycle.billing.BillingEvents.accepted;
import static org.ordercycle.billing.BillingEvents.acceptedOrder;
import static org.ordercycle.billing.BillingEvents.api;
import static org.ordercycle.billing.BillingEvents.awaitHandled;
import static org.ordercycle.billing.BillingEvents.awaitInvoices;
import static org.ordercycle.billing.BillingEvents.knownCustomer;
import static org.ordercycle.billing.BillingEvents.line;
import static org.ordercycle.billing.BillingEvents.published;
import static org.ordercycle.billing.BillingEvents.send;
import static org.ordercycle.billing.BillingEvents.shipment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordercycle.billing.BillingTestClock;
import org.ordercycle.billing.BillingTestResource;
import org.ordercycle.events.billing.DunningNoticeIssued;
import org.ordercycle.events.billing.InvoiceOverdue;
import org.ordercycle.events.returns.ReturnClosed;
import org.ordercycle.events.returns.ReturnRequested;

@QuarkusTest
@WithTestResource(BillingTestResource.class)
class DunningTest {

    @AfterEach
    void backToNow() {
        BillingTestClock.reset();
    }

    private static void runDunningOn(int daysAfterToday) {
        BillingTestClock.move(Duration.ofDays(daysAfterToday));
        api().post("/dunning-runs").then().statusCode(200);
    }

    @Test
    void overdueInvoiceIsAnnouncedOnceThenDunnedLevelByLevelInOrder() {
        UUID customer = knownCustomer(10);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "1", "1000.00", "0", "19")));
        send(shipment(order, customer, 1, "1"));
        String invoiceId = awaitInvoices(customer, 1).getString("[0].id");

        runDunningOn(10); // due today: not overdue yet
        runDunningOn(12); // 2 days overdue: announced, the reminder (7 days) not yet
        runDunningOn(13);
        runDunningOn(40); // 30 days overdue: the reminder only, one level per run
        runDunningOn(40); // the first notice (21 days)
        runDunningOn(41); // 31 days overdue: the second notice (35 days) not yet
        runDunningOn(60); // the second notice
        runDunningOn(61); // no level left

        List<InvoiceOverdue> overdue = await().atMost(30, SECONDS)
                .until(() -> published("billing.invoices", customer, InvoiceOverdue.class), l -> !l.isEmpty());
        List<DunningNoticeIssued> notices = await().atMost(30, SECONDS)
                .until(() -> published("billing.invoices", customer, DunningNoticeIssued.class), l -> l.size() >= 3);
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).invoiceId()).hasToString(invoiceId);
        assertThat(overdue.get(0).daysOverdue()).isEqualTo(2);
        assertThat(overdue.get(0).openAmount().amount()).isEqualByComparingTo("1190.00");
        assertThat(notices).extracting(DunningNoticeIssued::level).containsExactly(1, 2, 3);
        assertThat(notices).extracting(DunningNoticeIssued::daysOverdue).containsExactly(30, 30, 50);
        assertThat(notices).extracting(n -> n.fee().amount().toPlainString()).containsExactly("0.00", "5.00", "10.00");

        JsonPath listed = api().queryParam("customerId", customer).get("/dunning-notices").then().statusCode(200)
                .extract().jsonPath();
        assertThat(listed.getList("name")).containsExactly("REMINDER", "FIRST_NOTICE", "SECOND_NOTICE");
        BigDecimal expectedInterest = new BigDecimal("1190.00").multiply(new BigDecimal("9"))
                .multiply(new BigDecimal("30")).divide(new BigDecimal("36500"), 2, RoundingMode.HALF_UP);
        assertThat(listed.getString("[1].interest.amount")).isEqualTo(expectedInterest.toPlainString());
        api().get("/invoices/" + invoiceId).then().statusCode(200)
                .body("dunningLevel", org.hamcrest.Matchers.equalTo(3));
    }

    @Test
    void invoiceOfADisputedOrderIsNotDunnedUntilTheReturnIsClosed() {
        UUID customer = knownCustomer(10);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "2", "50.00", "0", "19")));
        send(shipment(order, customer, 1, "2"));
        awaitInvoices(customer, 1);
        UUID returnId = UUID.randomUUID();
        ReturnRequested requested = new ReturnRequested(UUID.randomUUID(), Instant.now(), returnId, order, customer,
                List.of(), "damaged", "rita");
        send(requested);
        awaitHandled(requested);

        runDunningOn(30);

        assertThat(published("billing.invoices", customer, InvoiceOverdue.class)).isEmpty();
        assertThat(published("billing.invoices", customer, DunningNoticeIssued.class)).isEmpty();
        JsonPath openItems = api().get("/customers/" + customer + "/open-items").then().statusCode(200).extract()
                .jsonPath();
        assertThat(openItems.getBoolean("invoices[0].disputed")).isTrue();
        assertThat(openItems.getInt("invoices[0].dunningLevel")).isZero();

        ReturnClosed closed = new ReturnClosed(UUID.randomUUID(), Instant.now(), returnId, order, "REJECTED");
        send(closed);
        awaitHandled(closed);
        runDunningOn(30);

        await().atMost(30, SECONDS)
                .until(() -> published("billing.invoices", customer, InvoiceOverdue.class), l -> l.size() == 1);
        assertThat(published("billing.invoices", customer, DunningNoticeIssued.class))
                .extracting(DunningNoticeIssued::level).containsExactly(1);
    }

    @Test
    void openItemsShowTheAmountsByAgeAndTheCustomersConditions() {
        UUID customer = knownCustomer(10);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "1", "100.00", "0", "19")));
        send(shipment(order, customer, 1, "1"));
        awaitInvoices(customer, 1);

        BillingTestClock.move(Duration.ofDays(55)); // 45 days overdue
        JsonPath openItems = api().get("/customers/" + customer + "/open-items").then().statusCode(200).extract()
                .jsonPath();

        assertThat(openItems.getInt("invoices[0].daysOverdue")).isEqualTo(45);
        assertThat(openItems.getString("ageing.days31To60")).isEqualTo("119.00");
        assertThat(openItems.getString("ageing.notDue")).isEqualTo("0.00");
        assertThat(openItems.getString("ageing.days1To30")).isEqualTo("0.00");
        assertThat(openItems.getInt("customer.paymentTermDays")).isEqualTo(10);
        assertThat(openItems.getString("customer.name")).isEqualTo("Customer " + customer);
        JsonPath all = api().get("/open-items").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("customerId")).contains(customer.toString());
    }
}
