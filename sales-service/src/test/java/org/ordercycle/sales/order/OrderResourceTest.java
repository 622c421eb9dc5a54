package org.ordercycle.sales.order;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.ordercycle.sales.ContactEvents.awaitCustomer;
import static org.ordercycle.sales.ContactEvents.knownCustomer;
import static org.ordercycle.sales.ContactEvents.registered;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.api.IdempotentCreates;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.sales.SalesApi;
import org.ordercycle.sales.SalesTestResource;
import org.ordercycle.testinfra.TestInfra;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class OrderResourceTest {

    private static final String SALES = TestInfra.jwt().token("sam", Duration.ofHours(1), "sales");

    private static final String TWO_LINES = """
            {"customerId": "%s", "lines": [{"sku": "PUMP-200", "quantity": 4}, {"sku": "valve_dn.50", "quantity": 12.5}],
             "requestedDate": "%s"}""";

    private static final String ONE_LINE = """
            {"customerId": "%s", "lines": [{"sku": "PUMP-200", "quantity": 1}]}""";

    private static boolean priced;

    /** The SKUs these tests order, priced in the registered customers' currency. */
    @BeforeEach
    void priceTheSkus() {
        if (!priced) {
            SalesApi.priced("PUMP-200", "120.00", "CHF", "8.1");
            SalesApi.priced("valve_dn.50", "3.25", "CHF", "8.1");
            priced = true;
        }
    }

    /** The customer the bad-input cases order for: a known one, so that nothing but the input is at fault. */
    private static UUID badInputCustomer;

    @Test
    void orderForACustomerFromContactIsPlacedShownAndPublished() throws Exception {
        UUID customer = UUID.randomUUID();
        TopicClient.sendEvent(registered(customer, "Slice GmbH"));
        awaitCustomer(customer, known -> true);
        LocalDate requested = today().plusDays(14);

        String location = place(TWO_LINES.formatted(customer, requested), null)
                .statusCode(201)
                .header("Location", containsString("/orders/"))
                .body("customerId", equalTo(customer.toString()))
                .body("status", equalTo("ACCEPTED"))
                .body("currency", equalTo("CHF"))
                .body("salesperson", equalTo("sam"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().auth().oauth2(SALES).get("/orders/" + id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("lines.lineNo", equalTo(List.of(1, 2)))
                .body("lines.sku", equalTo(List.of("PUMP-200", "valve_dn.50")))
                .body("lines[1].quantity", equalTo(12.5f))
                .body("classification", equalTo("EXTERNAL"))
                .body("requestedDate", equalTo(requested.toString()));

        ConsumerRecord<String, String> record = await().atMost(30, SECONDS)
                .until(() -> TopicClient.readAll("sales.orders").stream().filter(r -> id.equals(r.key())).toList(),
                        records -> !records.isEmpty())
                .get(0);
        OrderPlaced event = EventJson.mapper().readValue(record.value(), OrderPlaced.class);
        assertThat(event.orderId()).hasToString(id);
        assertThat(event.customerId()).isEqualTo(customer);
        assertThat(event.lines()).extracting(line -> line.lineNo() + " " + line.sku() + " " + line.quantity())
                .containsExactly("1 PUMP-200 4", "2 valve_dn.50 12.5");
        assertThat(event.lines()).extracting(line -> line.unitPrice().amount().toPlainString())
                .containsExactly("120.00", "3.25");
        assertThat(event.currency()).isEqualTo("CHF");
        assertThat(event.classification()).isEqualTo(Classification.EXTERNAL);
        assertThat(event.requestedDate()).isEqualTo(requested);
        assertThat(event.salesperson()).isEqualTo("sam");
        assertThat(TopicClient.header(record, "ce_id")).isEqualTo(event.eventId().toString());
        assertThat(TopicClient.header(record, "ce_type")).isEqualTo("OrderPlaced");
        assertThat(TopicClient.header(record, "ce_source")).isEqualTo("sales-service");
        assertThat(TopicClient.header(record, "ce_subject")).isEqualTo(id);
        assertThat(TopicClient.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicClient.header(record, "ce_time")).isNotBlank();
        assertThat(TopicClient.header(record, "ce_correlationid")).isEqualTo(id);
        assertThat(TopicClient.header(record, "content-type")).isEqualTo("application/json");
    }

    @Test
    void orderForACustomerSalesHasNotHeardOfIsRefusedUntilContactsEventArrives() {
        UUID customer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        place(ONE_LINE.formatted(customer), key)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString(customer.toString()));
        assertThat(ordersOf(customer)).isZero();

        TopicClient.sendEvent(registered(customer, "Late Registration AG"));
        awaitCustomer(customer, known -> true);

        place(ONE_LINE.formatted(customer), key).statusCode(201);
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyPlacesOnce() {
        UUID customer = knownCustomer();
        String key = UUID.randomUUID().toString();

        String first = place(ONE_LINE.formatted(customer), key).statusCode(201).extract().header("Location");
        place(ONE_LINE.formatted(customer), key)
                .statusCode(201)
                .header("Location", equalTo(first))
                .header(IdempotentCreates.REPLAYED, equalTo("true"));

        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void requestedDateTodayIsFine() {
        place(TWO_LINES.formatted(knownCustomer(), today()), null).statusCode(201);
    }

    @Test
    void aRequestedDateWithMoreThanFourYearDigitsIsA400AndPlacesNothing() {
        UUID customer = knownCustomer();
        long before = ordersOf(customer);
        // LocalDate.MAX: PostgreSQL's driver would store it as 'infinity'
        place(TWO_LINES.formatted(customer, "+999999999-12-31"), null)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("requestedDate"));
        assertThat(ordersOf(customer)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no customer           | {\"lines\": [{\"sku\": \"S\", \"quantity\": 1}]}                            | customerId",
        "customer not a UUID   | {\"customerId\": \"acme\", \"lines\": [{\"sku\": \"S\", \"quantity\": 1}]}   | customerId",
        "no lines              | {\"customerId\": \"CUSTOMER\"}                                                | lines",
        "empty lines           | {\"customerId\": \"CUSTOMER\", \"lines\": []}                                 | lines",
        "too many lines        | {\"customerId\": \"CUSTOMER\", \"lines\": [MANY]}                             | lines",
        "lines not an array    | {\"customerId\": \"CUSTOMER\", \"lines\": {\"sku\": \"S\", \"quantity\": 1}}  | lines",
        "null line             | {\"customerId\": \"CUSTOMER\", \"lines\": [null]}                             | lines[0]",
        "no sku                | {\"customerId\": \"CUSTOMER\", \"lines\": [{\"quantity\": 1}]}                | lines[0].sku",
        "overlong sku          | {\"customerId\": \"CUSTOMER\", \"lines\": [{\"sku\": \"LONG\", \"quantity\": 1}]} | lines[0].sku",
        "sku with a space      | {\"customerId\": \"CUSTOMER\", \"lines\": [{\"sku\": \"SKU 1\", \"quantity\": 1}]} | lines[0].sku",
        "no quantity           | {\"customerId\": \"CUSTOMER\", \"lines\": [{\"sku\": \"S\"}]}                 | lines[0].quantity",
        "zero quantity         | {\"customerId\": \"CUSTOMER\", \"lines\": [{\"sku\": \"S\", \"quantity\": 0}]} | lines[0].quantity",
        "negative quantity     | {\"customerId\": \"CUSTOMER\", \"lines\": [{\"sku\": \"S\", \"quantity\": -2}]} | lines[0].quantity",
        "four decimals         | {\"customerId\": \"CUSTOMER\", \"lines\": [{\"sku\": \"S\", \"quantity\": 1.0005}]} | lines[0].quantity",
        "over a million        | {\"customerId\": \"CUSTOMER\", \"lines\": [{\"sku\": \"S\", \"quantity\": 1000000.001}]} | lines[0].quantity",
        "quantity not a number | {\"customerId\": \"CUSTOMER\", \"lines\": [{\"sku\": \"S\", \"quantity\": \"lots\"}]} | lines[0].quantity",
        "second line bad       | {\"customerId\": \"CUSTOMER\", \"lines\": [{\"sku\": \"S\", \"quantity\": 1}, {\"sku\": \"T\", \"quantity\": 0}]} | lines[1].quantity",
        "date in the past      | {\"customerId\": \"CUSTOMER\", \"lines\": [{\"sku\": \"S\", \"quantity\": 1}], \"requestedDate\": \"YESTERDAY\"} | requestedDate",
        "date not a date       | {\"customerId\": \"CUSTOMER\", \"lines\": [{\"sku\": \"S\", \"quantity\": 1}], \"requestedDate\": \"soon\"} | requestedDate",
        "unknown field         | {\"customerId\": \"CUSTOMER\", \"lines\": [{\"sku\": \"S\", \"quantity\": 1}], \"rush\": true} | rush",
    })
    void badInputIsA400NamingTheFieldAndPlacesNothing(String description, String body, String field) {
        UUID customer = badInputCustomer();
        long before = ordersOf(customer);
        String json = body.replace("CUSTOMER", customer.toString())
                .replace("MANY", IntStream.range(0, 501).mapToObj(i -> "{\"sku\": \"S\", \"quantity\": 1}")
                        .collect(Collectors.joining(", ")))
                .replace("LONG", "S".repeat(65))
                .replace("YESTERDAY", today().minusDays(1).toString());

        place(json, null)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));

        assertThat(ordersOf(customer)).isEqualTo(before);
    }

    @Test
    void malformedJsonIsA400AndPlacesNothing() {
        UUID customer = badInputCustomer();
        long before = ordersOf(customer);
        place("{\"customerId\": \"" + customer + "\" \"lines\": []}", null)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("the request body"));
        assertThat(ordersOf(customer)).isEqualTo(before);
    }

    @Test
    void unknownOrderIsA404Problem() {
        UUID id = UUID.randomUUID();
        given().auth().oauth2(SALES).get("/orders/" + id).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(id.toString()));
    }

    @Test
    void productionReadsOrdersButDoesNotPlaceThem() {
        String production = TestInfra.jwt().token("pat", Duration.ofMinutes(5), "production");
        UUID customer = knownCustomer();
        String location = place(ONE_LINE.formatted(customer), null).statusCode(201).extract().header("Location");

        given().auth().oauth2(production).get(location).then()
                .statusCode(200)
                .body("customerId", equalTo(customer.toString()));
        given().auth().oauth2(production).contentType(ContentType.JSON).body(ONE_LINE.formatted(customer))
                .post("/orders").then().statusCode(403);
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    static ValidatableResponse place(String json, String idempotencyKey) {
        var request = given().auth().oauth2(SALES).contentType(ContentType.JSON).body(json);
        if (idempotencyKey != null) {
            request.header(IdempotentCreates.HEADER, idempotencyKey);
        }
        return request.post("/orders").then();
    }

    private static synchronized UUID badInputCustomer() {
        if (badInputCustomer == null) {
            badInputCustomer = knownCustomer();
        }
        return badInputCustomer;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static long ordersOf(UUID customer) {
        return QuarkusTransaction.requiringNew().call(() -> Order.count("customerId", customer));
    }
}
