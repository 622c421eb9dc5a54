package org.ordercycle.billing.report;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.ordercycle.billing.BillingEvents.accepted;
import static org.ordercycle.billing.BillingEvents.acceptedOrder;
import static org.ordercycle.billing.BillingEvents.api;
import static org.ordercycle.billing.BillingEvents.awaitInvoices;
import static org.ordercycle.billing.BillingEvents.count;
import static org.ordercycle.billing.BillingEvents.customer;
import static org.ordercycle.billing.BillingEvents.knownCustomer;
import static org.ordercycle.billing.BillingEvents.line;
import static org.ordercycle.billing.BillingEvents.refundRequested;
import static org.ordercycle.billing.BillingEvents.send;
import static org.ordercycle.billing.BillingEvents.shipment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.billing.BillingTestResource;
import org.ordercycle.events.returns.RefundRequested;
import org.ordercycle.events.contact.Classification;

@QuarkusTest
@WithTestResource(BillingTestResource.class)
class RevenueReportTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void revenueShowsInvoicedCreditedAndPaidPerCustomerAndMonthInternalApart() {
        UUID external = knownCustomer(30);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, external, line(1, "2", "100.00", "0", "19")));
        send(shipment(order, external, 1, "2"));
        awaitInvoices(external, 1); // 238.00
        api().contentType(ContentType.JSON).body(Map.of("customerId", external.toString(), "amount",
                Map.of("amount", "200.00", "currency", "EUR"))).post("/payments").then().statusCode(201);
        RefundRequested refund = refundRequested(UUID.randomUUID(), order, external, "119.00", 1, "1");
        send(refund);
        await().atMost(30, SECONDS).until(() -> count("select count(*) from refund where return_id = ?1",
                refund.returnId()) == 1);
        UUID affiliate = knownCustomer(customer(UUID.randomUUID(), 30, Classification.INTERNAL_AFFILIATE, null, null,
                null));
        UUID internalOrder = UUID.randomUUID();
        acceptedOrder(accepted(internalOrder, affiliate, line(1, "1", "50.00", "0", "19")));
        send(shipment(internalOrder, affiliate, 1, "1"));
        awaitInvoices(affiliate, 1);

        JsonPath one = api().queryParam("from", TODAY.minusDays(1).toString()).queryParam("to", TODAY.toString())
                .queryParam("customerId", external).get("/reports/revenue").then().statusCode(200).extract()
                .jsonPath();
        assertThat(one.getList("rows")).hasSize(1);
        assertThat(one.getString("rows[0].period")).isEqualTo(TODAY.toString().substring(0, 7));
        assertThat(one.getString("rows[0].group")).isEqualTo("EXTERNAL");
        assertThat(one.getString("rows[0].invoicedNet")).isEqualTo("200.00");
        assertThat(one.getString("rows[0].invoiced")).isEqualTo("238.00");
        assertThat(one.getString("rows[0].credited")).isEqualTo("119.00");
        assertThat(one.getString("rows[0].paid")).isEqualTo("200.00");

        JsonPath all = api().queryParam("from", TODAY.toString()).queryParam("to", TODAY.toString())
                .get("/reports/revenue").then().statusCode(200).extract().jsonPath();
        assertThat(all.getString("rows.find { it.customerId == '" + affiliate + "' }.group")).isEqualTo("INTERNAL");
        assertThat(all.getString("rows.find { it.customerId == '" + affiliate + "' }.classification"))
                .isEqualTo("INTERNAL_AFFILIATE");
        assertThat(all.getList("totals.group")).contains("INTERNAL", "EXTERNAL");

        String csv = api().accept("text/csv").queryParam("from", TODAY.toString()).queryParam("to", TODAY.toString())
                .queryParam("customerId", external).get("/reports/revenue").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(RevenueReport.CSV_HEADER);
        assertThat(csv).contains(external + ",\"Customer " + external + "\",EXTERNAL,EXTERNAL,EUR,200.00,238.00,119.00,200.00");
    }

    @Test
    void badRangeIsA400NamingTheParameter() {
        api().queryParam("to", "2026-01-31").get("/reports/revenue").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("from"));
        api().queryParam("from", "2026-02-01").queryParam("to", "2026-01-31").get("/reports/revenue").then()
                .statusCode(400).body("violations.field", hasItem("to"));
        api().queryParam("from", "yesterday").queryParam("to", "2026-01-31").get("/reports/revenue").then()
                .statusCode(400).body("violations.field", hasItem("from"));
        api().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").queryParam("customerId", "acme")
                .get("/reports/revenue").then().statusCode(400).body("violations.field", hasItem("customerId"));
    }
}
