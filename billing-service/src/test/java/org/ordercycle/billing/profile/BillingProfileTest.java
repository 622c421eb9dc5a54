package org.ordercycle.billing.profile;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.ordercycle.billing.BillingEvents.accepted;
import static org.ordercycle.billing.BillingEvents.acceptedOrder;
import static org.ordercycle.billing.BillingEvents.api;
import static org.ordercycle.billing.BillingEvents.awaitHandled;
import static org.ordercycle.billing.BillingEvents.awaitInvoices;
import static org.ordercycle.billing.BillingEvents.count;
import static org.ordercycle.billing.BillingEvents.invoicesOf;
import static org.ordercycle.billing.BillingEvents.knownCustomer;
import static org.ordercycle.billing.BillingEvents.line;
import static org.ordercycle.billing.BillingEvents.published;
import static org.ordercycle.billing.BillingEvents.send;
import static org.ordercycle.billing.BillingEvents.shipment;
import static org.ordercycle.billing.BillingEvents.shippedAt;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.billing.BillingTestResource;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderAmended;

@QuarkusTest
@WithTestResource(BillingTestResource.class)
class BillingProfileTest {

    private static Map<String, Object> profile(String trigger, String period, boolean poRequired) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("trigger", trigger, "format", "XRECHNUNG",
                "channel", "EDI", "paymentTermDays", 45, "poReferenceRequired", poRequired, "language", "de"));
        if (period != null) {
            body.put("period", period);
        }
        return body;
    }

    private static void agree(UUID customer, Map<String, Object> profile) {
        api().contentType(ContentType.JSON).body(profile).put("/customers/" + customer + "/billing-profile")
                .then().statusCode(200);
    }

    @Test
    void aCustomerWithoutProfileIsBilledPerShipmentWithContactsPaymentTerms() {
        UUID customer = knownCustomer(21);

        api().get("/customers/" + customer + "/billing-profile").then().statusCode(200)
                .body("trigger", equalTo("PER_SHIPMENT"))
                .body("paymentTermDays", equalTo(21))
                .body("format", equalTo("PDF"))
                .body("channel", equalTo("PORTAL"))
                .body("agreed", equalTo(false));
    }

    @Test
    void theAgreedProfileIsReadBackAndItsTermsOverrideContacts() {
        UUID customer = knownCustomer(21);

        agree(customer, profile("PERIODIC", "WEEKLY", true));

        api().get("/customers/" + customer + "/billing-profile").then().statusCode(200)
                .body("trigger", equalTo("PERIODIC"))
                .body("period", equalTo("WEEKLY"))
                .body("format", equalTo("XRECHNUNG"))
                .body("channel", equalTo("EDI"))
                .body("paymentTermDays", equalTo(45))
                .body("poReferenceRequired", equalTo(true))
                .body("language", equalTo("de"))
                .body("agreed", equalTo(true));
    }

    @Test
    void badProfileIsA4xxProblemAndChangesNothing() {
        UUID customer = knownCustomer(21);
        Map<String, Object> badLanguage = profile("ON_DELIVERY", null, false);
        badLanguage.put("language", "xx");

        api().contentType(ContentType.JSON).body(badLanguage).put("/customers/" + customer + "/billing-profile")
                .then().statusCode(400).contentType("application/problem+json");
        api().contentType(ContentType.JSON).body("{\"trigger\": \"SOMETIMES\", \"format\": \"PDF\", \"channel\": "
                        + "\"EDI\", \"language\": \"en\"}")
                .put("/customers/" + customer + "/billing-profile")
                .then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> emailWithoutAddress = profile("PER_SHIPMENT", null, false);
        emailWithoutAddress.put("channel", "EMAIL");
        api().contentType(ContentType.JSON).body(emailWithoutAddress).put("/customers/" + customer + "/billing-profile")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("invoiceEmail"));
        UUID unknown = UUID.randomUUID();
        api().contentType(ContentType.JSON).body(profile("PER_SHIPMENT", null, false))
                .put("/customers/" + unknown + "/billing-profile")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(unknown.toString()));

        api().get("/customers/" + customer + "/billing-profile").then().statusCode(200)
                .body("agreed", equalTo(false));
        assertThat(count("select count(*) from billing_profile where customer_id in (?1, ?2)", customer, unknown))
                .isZero();
    }

    @Test
    void onDeliveryInvoicesTheShipmentOnlyOnceItIsDelivered() {
        UUID customer = knownCustomer(30);
        agree(customer, profile("ON_DELIVERY", null, false));
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "5", "20.00", "0", "19")));
        ShipmentDispatched shipment = shipment(order, customer, 1, "2");

        send(shipment);
        awaitHandled(shipment);
        assertThat(invoicesOf(customer).getList("$")).isEmpty();

        send(new ShipmentDelivered(UUID.randomUUID(), Instant.now(), shipment.shipmentId(), order, Instant.now()));

        JsonPath invoice = awaitInvoices(customer, 1);
        assertThat(invoice.getString("[0].shipmentId")).isEqualTo(shipment.shipmentId().toString());
        assertThat(invoice.getObject("[0].lines[0].quantity", BigDecimal.class)).isEqualByComparingTo("2");
        assertThat(invoice.getString("[0].gross.amount")).isEqualTo("47.60");
        assertThat(invoice.getString("[0].format")).isEqualTo("XRECHNUNG");
        assertThat(invoice.getString("[0].dueDate"))
                .isEqualTo(LocalDate.parse(invoice.getString("[0].issuedOn")).plusDays(45).toString());
    }

    @Test
    void monthlyBillingCollectsAllShipmentsOfAMonthInOneInvoiceAtTheShippedQuantities() {
        UUID customer = knownCustomer(30);
        agree(customer, profile("PERIODIC", "MONTHLY", false));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        acceptedOrder(accepted(first, customer, line(1, "10", "10.00", "0", "19"), line(2, "4", "2.50", "0", "7")));
        acceptedOrder(accepted(second, customer, line(1, "3", "100.00", "0", "19")));
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).minusMonths(1).withDayOfMonth(1);
        Instant inLastMonth = lastMonth.plusDays(3).atTime(10, 0).toInstant(ZoneOffset.UTC);
        ShipmentDispatched a = shippedAt(shipment(first, customer, 1, "4", 2, "4"), inLastMonth);
        ShipmentDispatched b = shippedAt(shipment(first, customer, 1, "3"), inLastMonth.plusSeconds(86400 * 10));
        ShipmentDispatched c = shippedAt(shipment(second, customer, 1, "1"), inLastMonth.plusSeconds(86400 * 12));
        ShipmentDispatched thisMonth = shipment(second, customer, 1, "2");
        send(a, b, c, thisMonth);
        awaitHandled(a, b, c, thisMonth);
        assertThat(invoicesOf(customer).getList("$")).as("nothing before the run").isEmpty();

        api().post("/billing-runs").then().statusCode(200);

        JsonPath invoices = awaitInvoices(customer, 1);
        assertThat(invoices.getList("$")).hasSize(1);
        assertThat(invoices.getString("[0].periodStart")).isEqualTo(lastMonth.toString());
        assertThat(invoices.getString("[0].periodEnd"))
                .isEqualTo(lastMonth.withDayOfMonth(lastMonth.lengthOfMonth()).toString());
        assertThat(invoices.getList("[0].orderIds")).containsExactlyInAnyOrder(first.toString(), second.toString());
        assertThat(invoices.getList("[0].shipmentIds")).containsExactly(a.shipmentId().toString(),
                b.shipmentId().toString(), c.shipmentId().toString());
        assertThat(invoices.getList("[0].lines.quantity", BigDecimal.class))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("4"), new BigDecimal("4"), new BigDecimal("3"), new BigDecimal("1"));
        // 70.00 at 19 % + 10.00 at 7 % + 100.00 at 19 %: net 180.00, tax 32.30 + 0.70
        assertThat(invoices.getString("[0].net.amount")).isEqualTo("180.00");
        assertThat(invoices.getString("[0].tax.amount")).isEqualTo("33.00");
        assertThat(invoices.getString("[0].gross.amount")).isEqualTo("213.00");
        InvoiceIssued issued = await().atMost(30, SECONDS)
                .until(() -> published("billing.invoices", customer, InvoiceIssued.class), l -> !l.isEmpty()).get(0);
        assertThat(issued.orderIds()).containsExactlyInAnyOrder(first, second);
        assertThat(issued.shipmentIds()).hasSize(3);

        api().post("/billing-runs").then().statusCode(200);
        assertThat(invoicesOf(customer).getList("$")).as("a second run invoices nothing twice").hasSize(1);
        assertThat(count("select count(*) from billable_shipment where shipment_id = ?1 and status = 'PENDING'",
                thisMonth.shipmentId())).as("this month's shipment waits for the month's end").isEqualTo(1);
    }

    @Test
    void invoiceIsAtTheAgreedPriceEvenAfterThePriceChangedAndAtTheAmendedLinesWhenAmended() {
        UUID customer = knownCustomer(30);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "6", "10.00", "0", "19")));
        // The price list went up since: a new order of the same article is agreed at 12.00 — not this order's price.
        UUID later = UUID.randomUUID();
        acceptedOrder(accepted(later, customer, line(1, "1", "12.00", "0", "19")));
        ShipmentDispatched atTheAgreedPrice = shipment(order, customer, 1, "2");
        send(atTheAgreedPrice);
        awaitInvoices(customer, 1);
        OrderAmended amended = new OrderAmended(UUID.randomUUID(), Instant.now(), order, customer,
                List.of(line(1, "6", "9.50", "0", "19")), "EUR", LocalDate.now().plusDays(9), "volume", "sam");
        ShipmentDispatched afterTheAmendment = shipment(order, customer, 1, "4");

        send(amended, afterTheAmendment);

        JsonPath invoices = awaitInvoices(customer, 2);
        assertThat(invoices.getList("lines.flatten().unitPrice", BigDecimal.class))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("9.50"));
        assertThat(invoices.getList("lines.flatten().quantity", BigDecimal.class))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("2"), new BigDecimal("4"));
    }

    @Test
    void zeroValueShipmentGetsNoInvoiceAndConsumesNoNumber() {
        UUID customer = knownCustomer(30);
        UUID replacement = UUID.randomUUID();
        acceptedOrder(accepted(replacement, customer, line(1, "1", "0.00", "0", "19")));
        UUID paid = UUID.randomUUID();
        acceptedOrder(accepted(paid, customer, line(1, "1", "5.00", "0", "19")));
        ShipmentDispatched free = shipment(replacement, customer, 1, "1");

        send(free);
        awaitHandled(free);
        send(shipment(paid, customer, 1, "1"));

        JsonPath invoices = awaitInvoices(customer, 1);
        assertThat(invoices.getList("orderId")).containsExactly(paid.toString());
        assertThat(published("billing.invoices", customer, InvoiceIssued.class)).allMatch(i -> !i.orderIds()
                .contains(replacement));
        assertThat(count("select count(*) from billable_shipment where shipment_id = ?1 and status = 'NOTHING_TO_BILL'",
                free.shipmentId())).isEqualTo(1);
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        assertThat(count("select max(substring(number from 10)::int) from invoice_number where number like ?1",
                "INV-" + year + "-%"))
                .as("no gap: the free shipment took no number")
                .isEqualTo(count("select count(*) from invoice_number where number like ?1", "INV-" + year + "-%"));
    }

    @Test
    void requiredPurchaseOrderReferenceHoldsTheInvoiceUntilBillingIsGivenIt() {
        UUID customer = knownCustomer(30);
        agree(customer, profile("PER_SHIPMENT", null, true));
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "2", "50.00", "0", "19")));
        ShipmentDispatched shipment = shipment(order, customer, 1, "2");
        send(shipment);
        awaitHandled(shipment);
        assertThat(invoicesOf(customer).getList("$")).isEmpty();

        api().contentType(ContentType.JSON).body(Map.of("poReference", "PO-4711"))
                .put("/orders/" + order + "/po-reference").then().statusCode(200)
                .body("invoicesIssued", equalTo(1));

        JsonPath invoice = invoicesOf(customer);
        assertThat(invoice.getString("[0].poReference")).isEqualTo("PO-4711");
        api().contentType(ContentType.JSON).body(Map.of("poReference", " "))
                .put("/orders/" + order + "/po-reference").then().statusCode(400);
        api().contentType(ContentType.JSON).body(Map.of("poReference", "PO-1"))
                .put("/orders/" + UUID.randomUUID() + "/po-reference").then().statusCode(404)
                .body("status", equalTo(404)).body("type", org.hamcrest.Matchers.not(nullValue()));
    }
}
