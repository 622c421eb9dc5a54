package org.ordercycle.sales.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.ordercycle.sales.ContactEvents.knownCustomer;
import static org.ordercycle.sales.ProductionEvents.announce;
import static org.ordercycle.sales.ProductionEvents.chf;
import static org.ordercycle.sales.SalesApi.SALES;
import static org.ordercycle.sales.SalesApi.as;
import static org.ordercycle.sales.SalesApi.decimal;
import static org.ordercycle.sales.SalesApi.newSku;
import static org.ordercycle.sales.SalesApi.priced;
import static org.ordercycle.sales.SalesApi.today;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.events.sales.QuoteAccepted;
import org.ordercycle.events.sales.QuoteDeclined;
import org.ordercycle.events.sales.QuoteIssued;
import org.ordercycle.sales.ContactEvents.Profile;
import org.ordercycle.sales.SalesEvents;
import org.ordercycle.sales.SalesTestResource;
import org.ordercycle.sales.order.Order;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class QuoteClarificationTest {

    private static final String COMPLETE = """
            {"objective": "cool the new server room",
             "requirements": {"quality": "ISO 9001 parts", "efficiency": "COP above 4", "security": "locked panels",
                              "reliability": "99.9 % uptime"},
             "acceptanceCriteria": ["holds 22 °C at full load", "noise below 45 dB"],
             "supportExpectations": "on-site service within 24 h, 5 years spare parts",
             "constraints": "installation on weekends only",
             "budget": {"amount": 5000, "currency": "CHF"}}""";

    private static ValidatableResponse issue(UUID customer, String sku) {
        return as(SALES).body("""
                {"customerId": "%s", "lines": [{"sku": "%s", "quantity": 2}]}""".formatted(customer, sku))
                .post("/quotes").then();
    }

    private static long ordersOf(UUID customer) {
        return QuarkusTransaction.requiringNew().call(() -> Order.count("customerId", customer));
    }

    @Test
    void quoteBecomesAnOrderOnlyOnceItsClarificationIsCompleteAndConfirmedAndTheClarificationTravelsWithIt() {
        String sku = newSku("CHILLER");
        priced(sku, "1200.00", "CHF", "19");
        announce(sku, "0", 12, "40", chf("700.00"));
        UUID customer = knownCustomer(Profile.external().discount("5"));

        String id = issue(customer, sku).statusCode(201)
                .body("status", equalTo("ISSUED"))
                .body("lines[0].unitPrice", decimal("1200.00"))
                .body("lines[0].derivation", hasItem("special condition 5 % discount"))
                .body("totals.net.amount", decimal("2280.00"))
                .body("proposedDate", equalTo(today().plusDays(12).toString()))
                .body("validUntil", equalTo(today().plusDays(30).toString()))
                .body("clarification.complete", equalTo(false))
                .extract().jsonPath().getString("id");
        QuoteIssued issued = SalesEvents.awaitPublished("sales.quotes", id, QuoteIssued.class).get(0);
        assertThat(issued.total().amount()).isEqualByComparingTo("2280.00");

        as(SALES).post("/quotes/" + id + "/accept").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("missing objective"))
                .body("violations.field", hasItem("clarification.acceptanceCriteria"));
        as(SALES).post("/quotes/" + id + "/clarification/confirm").then().statusCode(422);
        assertThat(ordersOf(customer)).isZero();

        as(SALES).body(COMPLETE).put("/quotes/" + id + "/clarification").then().statusCode(200)
                .body("clarification.complete", equalTo(true))
                .body("clarification.missing", equalTo(List.of()));
        as(SALES).post("/quotes/" + id + "/accept").then().statusCode(422)
                .body("detail", containsString("not confirmed"));
        as(SALES).post("/quotes/" + id + "/clarification/confirm").then().statusCode(200)
                .body("clarification.confirmedBy", equalTo("sam"));
        // a change takes the confirmation back
        as(SALES).body("{\"constraints\": \"weekdays after 18:00\"}").put("/quotes/" + id + "/clarification")
                .then().statusCode(200).body("clarification.confirmedAt", equalTo(null));
        as(SALES).post("/quotes/" + id + "/accept").then().statusCode(422);
        as(SALES).post("/quotes/" + id + "/clarification/confirm").then().statusCode(200);

        String orderId = as(SALES).post("/quotes/" + id + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .extract().jsonPath().getString("orderId");
        as(SALES).get("/orders/" + orderId).then().statusCode(200)
                .body("quoteId", equalTo(id))
                .body("lines[0].unitPrice", decimal("1200.00"))
                .body("acceptanceCriteria", equalTo(List.of("holds 22 °C at full load", "noise below 45 dB")))
                .body("clarificationSummary", containsString("Objective: cool the new server room"))
                .body("clarificationSummary", containsString("constraints: weekdays after 18:00"));

        OrderPlaced placed = SalesEvents.awaitPublished("sales.orders", orderId, OrderPlaced.class).get(0);
        assertThat(placed.quoteId()).hasToString(id);
        OrderAccepted accepted = SalesEvents.awaitPublished("sales.orders", orderId, OrderAccepted.class).get(0);
        assertThat(accepted.quoteId()).hasToString(id);
        assertThat(accepted.acceptanceCriteria()).containsExactly("holds 22 °C at full load", "noise below 45 dB");
        assertThat(accepted.clarificationSummary()).contains("reliability: 99.9 % uptime")
                .contains("budget: 5000.00 CHF");
        assertThat(SalesEvents.awaitPublished("sales.quotes", id, QuoteAccepted.class)).hasSize(1);

        as(SALES).post("/quotes/" + id + "/accept").then().statusCode(409);
        as(SALES).body("{\"objective\": \"x\"}").put("/quotes/" + id + "/clarification").then().statusCode(409);
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void declinedQuoteIsPublishedWithTheReasonAndLeavesTheOpenQuotes() {
        String sku = newSku("OFFER");
        priced(sku, "10.00", "CHF", "19");
        UUID customer = knownCustomer(Profile.external());
        String open = issue(customer, sku).statusCode(201).extract().jsonPath().getString("id");
        String declined = issue(customer, sku).statusCode(201).extract().jsonPath().getString("id");

        as(SALES).body("{\"reason\": \"too expensive\"}").post("/quotes/" + declined + "/decline").then()
                .statusCode(200).body("status", equalTo("DECLINED"));

        QuoteDeclined event = SalesEvents.awaitPublished("sales.quotes", declined, QuoteDeclined.class).get(0);
        assertThat(event.reason()).isEqualTo("too expensive");
        as(SALES).get("/quotes").then().statusCode(200)
                .body("id", hasItem(open))
                .body("id", not(hasItem(declined)));
        as(SALES).get("/quotes?status=DECLINED").then().statusCode(200).body("id", hasItem(declined));
        as(SALES).get("/quotes?status=LOST").then().statusCode(400).body("violations.field", hasItem("status"));
        as(SALES).post("/quotes/" + declined + "/accept").then().statusCode(409);
    }

    @Test
    void quoteForAnUnknownCustomerOrSkuIsA422NamingItAndUnknownQuoteA404() {
        UUID stranger = UUID.randomUUID();
        issue(stranger, "ANY").statusCode(422).body("detail", containsString(stranger.toString()));
        UUID customer = knownCustomer(Profile.external());
        String unknownSku = newSku("NOPRICE");
        issue(customer, unknownSku).statusCode(422)
                .body("violations.field", equalTo(List.of("lines[0].sku")))
                .body("detail", containsString(unknownSku));
        as(SALES).get("/quotes/" + UUID.randomUUID()).then().statusCode(404);
        as(SALES).body("{\"customerId\": \"" + customer + "\", \"lines\": []}").post("/quotes").then()
                .statusCode(400).body("violations.field", hasItem("lines"));
    }
}
