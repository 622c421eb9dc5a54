package org.ordercycle.billing.payment;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.ordercycle.billing.BillingEvents.api;
import static org.ordercycle.billing.BillingEvents.dec;
import static org.ordercycle.billing.BillingEvents.accepted;
import static org.ordercycle.billing.BillingEvents.acceptedOrder;
import static org.ordercycle.billing.BillingEvents.awaitInvoices;
import static org.ordercycle.billing.BillingEvents.count;
import static org.ordercycle.billing.BillingEvents.customerChanged;
import static org.ordercycle.billing.BillingEvents.knownCustomer;
import static org.ordercycle.billing.BillingEvents.line;
import static org.ordercycle.billing.BillingEvents.published;
import static org.ordercycle.billing.BillingEvents.send;
import static org.ordercycle.billing.BillingEvents.shipment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.ordercycle.billing.BillingTestResource;
import org.ordercycle.events.billing.Allocation;
import org.ordercycle.events.billing.PaymentReceived;

@QuarkusTest
@WithTestResource(BillingTestResource.class)
class PaymentTest {

    /** A customer with three invoices of 110.00 gross: the first due in 60 days, the two later ones in 10. */
    private static UUID customerWithThreeInvoices() {
        UUID customer = knownCustomer(60);
        invoiceOneHundredPlusTax(customer, 1);
        send(customerChanged(customer, 10));
        invoiceOneHundredPlusTax(customer, 2);
        invoiceOneHundredPlusTax(customer, 3);
        return customer;
    }

    private static void invoiceOneHundredPlusTax(UUID customer, int count) {
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "1", "100.00", "0", "10")));
        send(shipment(order, customer, 1, "1"));
        awaitInvoices(customer, count);
    }

    private static ValidatableResponse pay(String body) {
        return api().contentType(ContentType.JSON).body(body).post("/payments").then();
    }

    private static JsonPath openItems(UUID customer) {
        return api().get("/customers/" + customer + "/open-items").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void paymentGoesToTheNamedInvoiceFirstThenToTheOldestDueAndLeavesTheRestAsCredit() {
        UUID customer = customerWithThreeInvoices();
        JsonPath invoices = awaitInvoices(customer, 3);
        String first = invoices.getString("[0].id");   // due in 60 days
        String second = invoices.getString("[1].id");  // due in 10 days
        String third = invoices.getString("[2].id");   // due in 10 days, higher number
        assertThat(invoices.getString("[0].dueDate")).isGreaterThan(invoices.getString("[1].dueDate"));

        pay("""
                {"customerId": "%s", "amount": {"amount": "240.00", "currency": "EUR"},
                 "allocations": [{"invoiceId": "%s", "amount": "10.00"}]}""".formatted(customer, first))
                .statusCode(201)
                .header("Location", containsString("/payments/"))
                .body("allocations.invoiceId", equalTo(List.of(first, second, third)))
                .body("allocations.amount", equalTo(List.of(dec("20.00"), dec("110.00"), dec("110.00"))))
                .body("credit.amount", equalTo(dec("0.00")));

        api().get("/invoices/" + second).then()
                .body("status", equalTo("PAID")).body("open.amount", equalTo(dec("0.00")));
        JsonPath items = openItems(customer);
        assertThat(items.getList("invoices.invoiceId")).containsExactly(first);
        assertThat(items.getString("invoices[0].paid")).isEqualTo("20.00");
        assertThat(items.getString("totalOpen")).isEqualTo("90.00");

        pay("""
                {"customerId": "%s", "amount": {"amount": "97.77", "currency": "EUR"}}""".formatted(customer))
                .statusCode(201)
                .body("allocations.invoiceId", equalTo(List.of(first)))
                .body("credit.amount", equalTo(dec("7.77")));

        api().get("/invoices/" + first).then()
                .body("status", equalTo("PAID")).body("paid.amount", equalTo(dec("110.00")));
        items = openItems(customer);
        assertThat(items.getList("invoices")).isEmpty();
        assertThat(items.getString("credit")).isEqualTo("7.77");
        assertThat(items.getString("totalOpen")).isEqualTo("0.00");
        assertThat(items.getString("currency")).isEqualTo("EUR");
        api().queryParam("customerId", customer).queryParam("status", "open").get("/invoices")
                .then().statusCode(200).body("size()", equalTo(0));

        List<PaymentReceived> received = await().atMost(30, SECONDS)
                .until(() -> published("billing.payments", customer, PaymentReceived.class), list -> list.size() == 2);
        assertThat(received.get(0).amount().amount()).isEqualByComparingTo("240.00");
        assertThat(received.get(0).allocations()).extracting(a -> a.invoiceId() + " " + a.amount().amount())
                .containsExactly(first + " 20.00", second + " 110.00", third + " 110.00");
        assertThat(received.get(1).allocations()).extracting(Allocation::invoiceId).containsExactly(UUID.fromString(first));
        assertThat(received.get(1).by()).isEqualTo("bill");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown invoice            | 422 | 50.00  | EUR | UNKNOWN | 10.00  | does not exist",
        "another customer's invoice | 422 | 50.00  | EUR | OTHER   | 10.00  | not an invoice of customer",
        "more than the invoice open | 422 | 200.00 | EUR | FIRST   | 110.01 | more than its open",
        "allocations above payment  | 422 | 50.00  | EUR | FIRST   | 60.00  | more than the payment",
        "currency differs           | 422 | 50.00  | CHF | FIRST   | 10.00  | is invoiced in EUR",
        "zero amount                | 400 | 0      | EUR | FIRST   | 10.00  | amount.amount",
        "negative amount            | 400 | -5.00  | EUR | FIRST   | 10.00  | amount.amount",
        "negative allocation        | 400 | 50.00  | EUR | FIRST   | -1.00  | allocations[0].amount",
        "three decimals             | 400 | 5.001  | EUR | FIRST   | 1.00   | amount.amount",
    })
    void paymentThatBreaksARuleIsRefusedAndChangesNothing(String description, int status, String amount,
            String currency, String invoice, String allocation, String expected) {
        UUID customer = badPaymentCustomer();
        String invoiceId = switch (invoice) {
            case "UNKNOWN" -> UUID.randomUUID().toString();
            case "OTHER" -> otherCustomersInvoice;
            default -> badPaymentInvoice;
        };

        ValidatableResponse response = pay("""
                {"customerId": "%s", "amount": {"amount": %s, "currency": "%s"},
                 "allocations": [{"invoiceId": "%s", "amount": %s}]}""".formatted(customer, amount, currency,
                invoiceId, allocation))
                .statusCode(status)
                .contentType("application/problem+json");
        if (status == 422) {
            response.body("detail", containsString(expected));
        } else {
            response.body("violations.field", org.hamcrest.Matchers.hasItem(expected));
        }

        assertThat(count("select count(*) from payment where customer_id = ?1", customer)).isZero();
        JsonPath items = openItems(customer);
        assertThat(items.getString("totalOpen")).isEqualTo("110.00");
        assertThat(items.getString("credit")).isEqualTo("0.00");
    }

    private static UUID badPaymentCustomer;
    private static String badPaymentInvoice;
    private static String otherCustomersInvoice;

    private static UUID badPaymentCustomer() {
        if (badPaymentCustomer == null) {
            UUID customer = knownCustomer(30);
            invoiceOneHundredPlusTax(customer, 1);
            badPaymentInvoice = awaitInvoices(customer, 1).getString("[0].id");
            UUID other = knownCustomer(30);
            invoiceOneHundredPlusTax(other, 1);
            otherCustomersInvoice = awaitInvoices(other, 1).getString("[0].id");
            badPaymentCustomer = customer;
        }
        return badPaymentCustomer;
    }
}
