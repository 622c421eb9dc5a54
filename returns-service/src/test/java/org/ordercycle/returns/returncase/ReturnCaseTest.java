package org.ordercycle.returns.returncase;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.ordercycle.returns.OtherDepartments.acceptAndShip;
import static org.ordercycle.returns.OtherDepartments.accepted;
import static org.ordercycle.returns.OtherDepartments.agreed;
import static org.ordercycle.returns.OtherDepartments.amended;
import static org.ordercycle.returns.OtherDepartments.awaitAgreed;
import static org.ordercycle.returns.OtherDepartments.awaitShipments;
import static org.ordercycle.returns.OtherDepartments.refundPaid;
import static org.ordercycle.returns.OtherDepartments.shipped;
import static org.ordercycle.returns.OtherDepartments.shippedLine;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.billing.RefundPaid;
import org.ordercycle.events.returns.ItemCondition;
import org.ordercycle.events.returns.RefundRequested;
import org.ordercycle.events.returns.ReturnAuthorized;
import org.ordercycle.events.returns.ReturnClosed;
import org.ordercycle.events.returns.ReturnReceived;
import org.ordercycle.events.returns.ReturnRequested;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.kit.testing.KitMetrics;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.returns.ReturnsTestResource;
import org.ordercycle.testinfra.TestInfra;

@QuarkusTest
@WithTestResource(ReturnsTestResource.class)
class ReturnCaseTest {

    private static final String RETURNS = TestInfra.jwt().token("rita", Duration.ofHours(1), "returns");
    private static final String SALES = TestInfra.jwt().token("sam", Duration.ofHours(1), "sales");

    @Inject
    MeterRegistry metrics;

    @Test
    void cannotReturnMoreThanShippedMinusWhatEarlierCasesReturned() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        acceptAndShip(accepted(order, customer, agreed(1, "PUMP", "5", "100.00", "0", "19"),
                        agreed(2, "VALVE", "2", "20.00", "0", "19")),
                shipped(order, customer, shippedLine(1, "PUMP", "2")),
                shipped(order, customer, shippedLine(1, "PUMP", "1"), shippedLine(2, "VALVE", "2")));

        requestReturn(order, "{\"lineNo\": 1, \"quantity\": 2}").statusCode(201);
        requestReturn(order, "{\"lineNo\": 1, \"quantity\": 2}")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("line 1: 2 requested, but only 1 returnable (3 shipped, 2 already returned)"));
        requestReturn(order, "{\"lineNo\": 1, \"quantity\": 1}", "{\"lineNo\": 2, \"quantity\": 3}")
                .statusCode(422)
                .body("detail", allOf(containsString("line 2: 3 requested, but only 2 returnable"),
                        not(containsString("line 1"))));
        requestReturn(order, "{\"lineNo\": 1, \"quantity\": 1}").statusCode(201);
        requestReturn(order, "{\"lineNo\": 1, \"quantity\": 0.001}")
                .statusCode(422)
                .body("detail", containsString("line 1: 0.001 requested, but only 0 returnable"));
        requestReturn(order, "{\"lineNo\": 3, \"quantity\": 1}")
                .statusCode(422)
                .body("detail", containsString("line 3 is not a line of the order"));

        listReturns(order).body("", hasSize(2)).body("lines.flatten().quantity", equalTo(List.of(2, 1)));
    }

    @Test
    void returnIsRefusedUntilReturnsKnowsTheOrderAndItsShipment() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();

        requestReturn(order, "{\"lineNo\": 1, \"quantity\": 1}")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString(order + " is not known to returns"));

        TopicClient.sendEvent(accepted(order, customer, agreed(1, "PUMP", "5", "100.00", "0", "19")));
        awaitAgreed(order, known -> true);
        requestReturn(order, "{\"lineNo\": 1, \"quantity\": 1}")
                .statusCode(422)
                .body("detail", containsString("nothing of order " + order + " is known to returns as shipped"));

        TopicClient.sendEvent(shipped(order, customer, shippedLine(1, "PUMP", "1")));
        awaitShipments(order, 1);
        requestReturn(order, "{\"lineNo\": 1, \"quantity\": 1}").statusCode(201);
        listReturns(order).body("", hasSize(1));
    }

    @Test
    void shipmentReadBeforeTheAcceptanceCountsOnceTheAcceptanceArrives() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        TopicClient.sendEvent(shipped(order, customer, shippedLine(1, "PUMP", "4")));
        awaitShipments(order, 1);
        requestReturn(order, "{\"lineNo\": 1, \"quantity\": 1}").statusCode(422);

        TopicClient.sendEvent(accepted(order, customer, agreed(1, "PUMP", "5", "100.00", "0", "19")));
        awaitAgreed(order, known -> true);

        requestReturn(order, "{\"lineNo\": 1, \"quantity\": 4}")
                .statusCode(201)
                .body("customerId", equalTo(customer.toString()))
                .body("lines[0].unitPrice.amount", equalTo(100.00f));
        requestReturn(order, "{\"lineNo\": 1, \"quantity\": 1}")
                .statusCode(422)
                .body("detail", containsString("line 1: 1 requested, but only 0 returnable (4 shipped, 4 already returned)"));
    }

    @Test
    void refundIsTheGrossOfTheReturnedQuantitiesWithTaxRoundedOncePerRate() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        String id = tripleOrderReturned(order, customer);

        // Nets 10.02 + 10.02 at 19 % and 3.16 at 7 %: tax 3.81 + 0.22 (line by line it would be 1.90 + 1.90 + 0.22).
        JsonPath view = given().auth().oauth2(RETURNS).get("/returns/" + id).then().statusCode(200)
                .body("state", equalTo("AUTHORIZED"))
                .extract().jsonPath();
        assertThat(view.getList("lines.net.amount", String.class)).containsExactly("10.02", "10.02", "3.16");
        assertThat(decimal(view, "totals.net.amount")).isEqualByComparingTo("23.20");
        assertThat(decimal(view, "totals.tax.amount")).isEqualByComparingTo("4.03");
        assertThat(decimal(view, "totals.gross.amount")).isEqualByComparingTo("27.23");
        assertThat(view.getString("refundRequested")).isNull();

        JsonPath received = receive(id, "RESELLABLE", "REPAIRABLE", "SCRAP").statusCode(200)
                .body("state", equalTo("RECEIVED"))
                .body("lines.condition", equalTo(List.of("RESELLABLE", "REPAIRABLE", "SCRAP")))
                .extract().jsonPath();
        assertThat(decimal(received, "refundRequested.amount")).isEqualByComparingTo("27.23");
        assertThat(received.getString("refundRequested.currency")).isEqualTo("EUR");
    }

    @Test
    void amendmentReplacesTheAgreedPricesTheRefundUses() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        acceptAndShip(accepted(order, customer, agreed(1, "PUMP", "5", "120.00", "0", "19")),
                shipped(order, customer, shippedLine(1, "PUMP", "4")));
        TopicClient.sendEvent(amended(order, customer, agreed(1, "PUMP", "4", "100.00", "10", "19")));
        awaitAgreed(order, known -> known.lines.get(0).unitPrice.compareTo(new BigDecimal("100")) == 0);

        JsonPath view = requestReturn(order, "{\"lineNo\": 1, \"quantity\": 2}").statusCode(201).extract().jsonPath();
        assertThat(decimal(view, "lines[0].unitPrice.amount")).isEqualByComparingTo("100.00");
        assertThat(decimal(view, "lines[0].discountPercent")).isEqualByComparingTo("10");
        assertThat(decimal(view, "totals.gross.amount")).isEqualByComparingTo("214.20");
    }

    @Test
    void receivingTwiceIsAConflictAndChangesNothing() {
        UUID order = UUID.randomUUID();
        String id = tripleOrderReturned(order, UUID.randomUUID());
        receive(id, "RESELLABLE", "RESELLABLE", "RESELLABLE").statusCode(200);

        receive(id, "SCRAP", "SCRAP", "SCRAP")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("is RECEIVED"));

        given().auth().oauth2(RETURNS).get("/returns/" + id).then()
                .body("state", equalTo("RECEIVED"))
                .body("lines.condition", equalTo(List.of("RESELLABLE", "RESELLABLE", "RESELLABLE")));
    }

    @Test
    void receiptMustNameEveryAuthorizedLineOnce() {
        UUID order = UUID.randomUUID();
        String id = tripleOrderReturned(order, UUID.randomUUID());

        receipt(id, "{\"lines\": [{\"lineNo\": 1, \"condition\": \"SCRAP\"}, {\"lineNo\": 2, \"condition\": \"SCRAP\"}]}")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("line 3 is authorized and needs its condition"));
        receipt(id, """
                {"lines": [{"lineNo": 1, "condition": "SCRAP"}, {"lineNo": 2, "condition": "SCRAP"},
                 {"lineNo": 3, "condition": "SCRAP"}, {"lineNo": 4, "condition": "SCRAP"}]}""")
                .statusCode(422)
                .body("detail", containsString("line 4 is not authorized in this return"));
        receipt(id, "{\"lines\": [{\"lineNo\": 1, \"condition\": \"SCRAP\"}, {\"lineNo\": 1, \"condition\": \"SCRAP\"}]}")
                .statusCode(400)
                .body("violations.field", hasItem("lines[1].lineNo"));
        receipt(id, "{\"lines\": [{\"lineNo\": 1, \"condition\": \"BROKEN\"}]}").statusCode(400);
        receipt(UUID.randomUUID().toString(), "{\"lines\": [{\"lineNo\": 1, \"condition\": \"SCRAP\"}]}")
                .statusCode(404)
                .contentType("application/problem+json");

        given().auth().oauth2(RETURNS).get("/returns/" + id).then().body("state", equalTo("AUTHORIZED"));
    }

    @Test
    void refundPaidClosesTheCaseOnceEvenWhenDeliveredTwice() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        String id = tripleOrderReturned(order, customer);
        receive(id, "RESELLABLE", "RESELLABLE", "SCRAP").statusCode(200);
        double duplicates = KitMetrics.count(metrics, "ordercycle.events.duplicates", "type", "RefundPaid");
        double handled = KitMetrics.count(metrics, "ordercycle.events.handled", "type", "RefundPaid");

        RefundPaid paid = refundPaid(UUID.fromString(id), order, customer, "27.23");
        TopicClient.sendEvent(paid);
        TopicClient.sendEvent(paid); // redelivered
        TopicClient.sendEvent(refundPaid(UUID.fromString(id), order, customer, "27.23")); // a second one for the case

        await().atMost(30, SECONDS).until(() -> KitMetrics.count(metrics, "ordercycle.events.duplicates", "type",
                "RefundPaid") > duplicates && KitMetrics.count(metrics, "ordercycle.events.handled", "type",
                "RefundPaid") >= handled + 2);
        JsonPath view = given().auth().oauth2(RETURNS).get("/returns/" + id).then().statusCode(200)
                .body("state", equalTo("CLOSED"))
                .body("steps.step", hasItem("RETURN_CLOSED"))
                .extract().jsonPath();
        assertThat(decimal(view, "refundPaid.amount")).isEqualByComparingTo("27.23");
        List<String> closed = await().atMost(30, SECONDS)
                .until(() -> types(casesOf(order)), types -> types.contains("ReturnClosed"));
        assertThat(closed).filteredOn("ReturnClosed"::equals).hasSize(1);
    }

    @Test
    void eachStepPublishesWhatTheOtherDepartmentsNeed() throws Exception {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        String id = tripleOrderReturned(order, customer);
        UUID returnId = UUID.fromString(id);
        receive(id, "RESELLABLE", "REPAIRABLE", "SCRAP").statusCode(200);
        TopicClient.sendEvent(refundPaid(returnId, order, customer, "27.23"));

        List<ConsumerRecord<String, String>> records = await().atMost(30, SECONDS)
                .until(() -> casesOf(order), found -> types(found).contains("ReturnClosed"));
        assertThat(types(records)).containsExactly("ReturnRequested", "ReturnAuthorized", "ReturnReceived",
                "RefundRequested", "ReturnClosed");
        assertThat(records).allSatisfy(record -> assertThat(TopicClient.header(record, "ce_source"))
                .isEqualTo("returns-service"));

        ReturnRequested requested = read(records.get(0), ReturnRequested.class);
        assertThat(requested.returnId()).isEqualTo(returnId);
        assertThat(requested.customerId()).isEqualTo(customer);
        assertThat(requested.by()).isEqualTo("rita");
        assertThat(requested.reason()).isEqualTo("damaged in transit");
        assertThat(requested.lines()).extracting(line -> line.lineNo() + " " + line.sku() + " " + plain(line.quantity()))
                .containsExactly("1 PUMP 1", "2 VALVE 1", "3 SEAL 1");

        ReturnAuthorized authorized = read(records.get(1), ReturnAuthorized.class);
        assertThat(authorized.by()).as("authorized by rule").isNull();
        assertThat(authorized.lines()).isEqualTo(requested.lines());
        assertThat(authorized.reason()).isEqualTo("damaged in transit");

        ReturnReceived received = read(records.get(2), ReturnReceived.class);
        assertThat(received.by()).isEqualTo("rita");
        assertThat(received.lines()).extracting(line -> line.lineNo() + " " + plain(line.quantity()) + " " + line.condition())
                .containsExactly("1 1 " + ItemCondition.RESELLABLE, "2 1 " + ItemCondition.REPAIRABLE,
                        "3 1 " + ItemCondition.SCRAP);

        RefundRequested refund = read(records.get(3), RefundRequested.class);
        assertThat(refund.customerId()).isEqualTo(customer);
        assertThat(refund.amount().amount()).isEqualByComparingTo("27.23");
        assertThat(refund.amount().currency()).isEqualTo("EUR");
        assertThat(refund.lines()).isEqualTo(requested.lines());

        ReturnClosed closed = read(records.get(4), ReturnClosed.class);
        assertThat(closed.returnId()).isEqualTo(returnId);
        assertThat(closed.outcome()).isEqualTo("REFUNDED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no order          | {\"lines\": [{\"lineNo\": 1, \"quantity\": 1}]}                              | orderId",
        "no lines          | {\"orderId\": \"ORDER\"}                                                     | lines",
        "empty lines       | {\"orderId\": \"ORDER\", \"lines\": []}                                      | lines",
        "zero quantity     | {\"orderId\": \"ORDER\", \"lines\": [{\"lineNo\": 1, \"quantity\": 0}]}       | lines[0].quantity",
        "negative quantity | {\"orderId\": \"ORDER\", \"lines\": [{\"lineNo\": 1, \"quantity\": -1}]}      | lines[0].quantity",
        "no line number    | {\"orderId\": \"ORDER\", \"lines\": [{\"quantity\": 1}]}                     | lines[0].lineNo",
        "line number zero  | {\"orderId\": \"ORDER\", \"lines\": [{\"lineNo\": 0, \"quantity\": 1}]}       | lines[0].lineNo",
        "line named twice  | {\"orderId\": \"ORDER\", \"lines\": [{\"lineNo\": 1, \"quantity\": 1}, {\"lineNo\": 1, \"quantity\": 1}]} | lines[1].lineNo",
    })
    void badInputIsA400NamingTheField(String description, String body, String field) {
        UUID order = UUID.randomUUID();
        given().auth().oauth2(RETURNS).contentType(ContentType.JSON).body(body.replace("ORDER", order.toString()))
                .post("/returns").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    @Test
    void salesReadsReturnsButDoesNotRequestThem() {
        UUID order = UUID.randomUUID();
        String id = tripleOrderReturned(order, UUID.randomUUID());

        given().auth().oauth2(SALES).get("/returns/" + id).then().statusCode(200).body("orderId", equalTo(order.toString()));
        given().auth().oauth2(SALES).get("/returns?orderId=" + order).then().statusCode(200).body("", hasSize(1));
        given().auth().oauth2(SALES).contentType(ContentType.JSON)
                .body("{\"orderId\": \"" + order + "\", \"lines\": [{\"lineNo\": 1, \"quantity\": 1}]}")
                .post("/returns").then().statusCode(403);
        given().auth().oauth2(RETURNS).get("/returns/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(RETURNS).get("/returns").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("orderId"));
        given().auth().oauth2(RETURNS).get("/returns?orderId=nope").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("orderId"));
    }

    @Test
    void twoReturnsRacingForTheLastUnitsAuthorizeOnlyOne() throws Exception {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        acceptAndShip(accepted(order, customer, agreed(1, "PUMP", "5", "100.00", "0", "19")),
                shipped(order, customer, shippedLine(1, "PUMP", "2")));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = pool.invokeAll(List.<Callable<Integer>>of(
                    () -> requestReturn(order, "{\"lineNo\": 1, \"quantity\": 2}").extract().statusCode(),
                    () -> requestReturn(order, "{\"lineNo\": 1, \"quantity\": 2}").extract().statusCode()));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 422);
        } finally {
            pool.shutdown();
        }
        listReturns(order).body("", hasSize(1));
    }

    @Test
    void sameIdempotencyKeyRequestsTheReturnOnce() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        acceptAndShip(accepted(order, customer, agreed(1, "PUMP", "5", "100.00", "0", "19")),
                shipped(order, customer, shippedLine(1, "PUMP", "2")));
        String body = "{\"orderId\": \"" + order + "\", \"lines\": [{\"lineNo\": 1, \"quantity\": 1}]}";
        String key = UUID.randomUUID().toString();

        String first = given().auth().oauth2(RETURNS).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/returns").then().statusCode(201).extract().header("Location");
        given().auth().oauth2(RETURNS).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/returns").then().statusCode(201).header("Location", equalTo(first));

        listReturns(order).body("", hasSize(1));
    }

    /** An order of three lines, shipped, with one of each returned: the case's id. */
    private static String tripleOrderReturned(UUID order, UUID customer) {
        OrderAccepted acceptance = accepted(order, customer, agreed(1, "PUMP", "3", "10.55", "5", "19"),
                agreed(2, "VALVE", "3", "10.55", "5", "19.0"), agreed(3, "SEAL", "2", "3.33", "5", "7"));
        acceptAndShip(acceptance, shipped(order, customer, shippedLine(1, "PUMP", "3"), shippedLine(2, "VALVE", "3"),
                shippedLine(3, "SEAL", "2")));
        return given().auth().oauth2(RETURNS).contentType(ContentType.JSON)
                .body("""
                        {"orderId": "%s", "reason": "damaged in transit", "lines": [{"lineNo": 1, "quantity": 1},
                         {"lineNo": 2, "quantity": 1}, {"lineNo": 3, "quantity": 1}]}""".formatted(order))
                .post("/returns").then()
                .statusCode(201)
                .body("state", equalTo("AUTHORIZED"))
                .extract().path("id");
    }

    private static ValidatableResponse requestReturn(UUID order, String... lines) {
        return given().auth().oauth2(RETURNS).contentType(ContentType.JSON)
                .body("{\"orderId\": \"" + order + "\", \"lines\": [" + String.join(", ", lines) + "]}")
                .post("/returns").then();
    }

    private static ValidatableResponse receive(String id, String... conditions) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < conditions.length; i++) {
            lines.append(i == 0 ? "" : ", ").append("{\"lineNo\": ").append(i + 1).append(", \"condition\": \"")
                    .append(conditions[i]).append("\"}");
        }
        return receipt(id, "{\"lines\": [" + lines + "]}");
    }

    private static ValidatableResponse receipt(String id, String body) {
        return given().auth().oauth2(RETURNS).contentType(ContentType.JSON).body(body)
                .post("/returns/" + id + "/receipt").then();
    }

    private static ValidatableResponse listReturns(UUID order) {
        return given().auth().oauth2(RETURNS).get("/returns?orderId=" + order).then().statusCode(200);
    }

    private static List<ConsumerRecord<String, String>> casesOf(UUID order) {
        return TopicClient.readAll("returns.cases").stream().filter(record -> order.toString().equals(record.key()))
                .toList();
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> TopicClient.header(record, "ce_type")).toList();
    }

    private static <T> T read(ConsumerRecord<String, String> record, Class<T> type) throws Exception {
        return EventJson.mapper().readValue(record.value(), type);
    }

    private static BigDecimal decimal(JsonPath json, String path) {
        return new BigDecimal(json.getString(path));
    }

    private static String plain(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }
}
