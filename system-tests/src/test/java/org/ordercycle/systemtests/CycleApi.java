package org.ordercycle.systemtests;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.ordercycle.launcher.Department;

/**
 * The departments' REST APIs as their users call them, one method per thing a person does in the cycle. Each
 * department acts under a token of its own role and user name, so the timelines can say who acted.
 */
final class CycleApi {

    /** A line of a request: the order's line number (or a SKU where the request names one) and a quantity. */
    record Line(int lineNo, String sku, String quantity) {

        static Line of(String sku, String quantity) {
            return new Line(0, sku, quantity);
        }

        static Line of(int lineNo, String quantity) {
            return new Line(lineNo, null, quantity);
        }
    }

    static {
        // Amounts are decimals, not doubles: 502.70 stays 502.70.
        RestAssured.config = RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private final Function<Department, String> urls;
    private final String crm;
    private final String salesManager;
    private final String sales;
    private final String production;
    private final String billing;
    private final String returns;

    CycleApi(Function<Department, String> urls, Function<String[], String> tokens) {
        this.urls = urls;
        this.crm = tokens.apply(new String[] {"carla", "crm"});
        this.salesManager = tokens.apply(new String[] {"maria", "sales-manager"});
        this.sales = tokens.apply(new String[] {"sam", "sales"});
        this.production = tokens.apply(new String[] {"pete", "production"});
        this.billing = tokens.apply(new String[] {"bianca", "billing"});
        this.returns = tokens.apply(new String[] {"rita", "returns"});
    }

    /** On the shared suite of this JVM. */
    static CycleApi onSharedSuite() {
        return new CycleApi(SharedSuite::url, userAndRole -> SharedSuite.token(userAndRole[0], userAndRole[1]));
    }

    // --- contact ---

    UUID registerCustomer(String name, String discountPercent, int paymentTermDays) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("tier", "A");
        body.put("accountOwner", "sam");
        body.put("currency", "EUR");
        body.put("discountPercent", new BigDecimal(discountPercent));
        body.put("paymentTermDays", paymentTermDays);
        body.put("vatId", uniqueVatId());
        String location = as(crm, Department.CONTACT).body(body).post("/organizations").then().statusCode(201)
                .extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Every registered customer is another company: the CRM refuses a second one with the same VAT id. */
    private static String uniqueVatId() {
        return "DE" + String.format("%09d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    JsonPath customerTimeline(UUID customer) {
        return as(crm, Department.CONTACT).get("/organizations/" + customer + "/timeline").then().statusCode(200)
                .extract().jsonPath();
    }

    // --- production ---

    void defineProduct(String sku, String name, String unitCost, int leadTimeDays) {
        as(production, Department.PRODUCTION)
                .body(Map.of("name", name, "unitCost", money(unitCost), "leadTimeDays", leadTimeDays))
                .put("/products/" + sku).then().statusCode(anyOf(is(200), is(201)));
    }

    void receiveStock(String sku, String quantity) {
        as(production, Department.PRODUCTION).body(Map.of("sku", sku, "quantity", new BigDecimal(quantity)))
                .post("/stock/receipts").then().statusCode(201);
    }

    JsonPath stock(String sku) {
        return as(production, Department.PRODUCTION).get("/stock/" + sku).then().statusCode(200).extract().jsonPath();
    }

    Response ship(UUID order, List<Line> lines, String trackingNo) {
        List<Map<String, Object>> body = new ArrayList<>();
        for (Line line : lines) {
            body.add(Map.of("lineNo", line.lineNo(), "quantity", new BigDecimal(line.quantity())));
        }
        return as(production, Department.PRODUCTION)
                .body(Map.of("lines", body, "carrier", "DHL", "trackingNo", trackingNo))
                .post("/orders/" + order + "/shipments");
    }

    /** Ships once production has reserved what the shipment takes (its reservation arrives by event). */
    UUID shipOnceReserved(UUID order, List<Line> lines) {
        String tracking = "JD" + UUID.randomUUID().toString().substring(0, 8);
        Response[] shipped = new Response[1];
        await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> {
            shipped[0] = ship(order, lines, tracking);
            return shipped[0].statusCode() == 201;
        });
        return UUID.fromString(shipped[0].path("id"));
    }

    // --- sales ---

    /** Sets the price once sales knows the product (production's AvailabilityChanged may still be on its way). */
    void setPrice(String sku, String unitPrice, String taxRate) {
        Map<String, Object> body = Map.of("unitPrice", new BigDecimal(unitPrice), "currency", "EUR",
                "taxRate", new BigDecimal(taxRate), "validFrom", LocalDate.now().minusDays(1).toString());
        await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> {
            int status = as(salesManager, Department.SALES).body(body).put("/prices/" + sku).statusCode();
            return status == 200 || status == 201;
        });
    }

    Response placeOrder(UUID customer, List<Line> lines, LocalDate requestedDate, String idempotencyKey) {
        List<Map<String, Object>> body = new ArrayList<>();
        for (Line line : lines) {
            body.add(Map.of("sku", line.sku(), "quantity", new BigDecimal(line.quantity())));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("customerId", customer.toString());
        request.put("lines", body);
        if (requestedDate != null) {
            request.put("requestedDate", requestedDate.toString());
        }
        return as(sales, Department.SALES).header("Idempotency-Key", idempotencyKey).body(request).post("/orders");
    }

    /** Places the order once sales knows the customer: 422s while it learns of it leave no trace. */
    JsonPath placeOrderOnceKnown(UUID customer, List<Line> lines, LocalDate requestedDate) {
        String key = UUID.randomUUID().toString();
        Response[] placed = new Response[1];
        await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> {
            placed[0] = placeOrder(customer, lines, requestedDate, key);
            return placed[0].statusCode() == 201;
        });
        return placed[0].jsonPath();
    }

    JsonPath order(UUID order) {
        return as(sales, Department.SALES).get("/orders/" + order).then().statusCode(200).extract().jsonPath();
    }

    JsonPath orderTimeline(UUID order) {
        return as(sales, Department.SALES).get("/orders/" + order + "/timeline").then().statusCode(200).extract()
                .jsonPath();
    }

    // --- billing ---

    JsonPath invoices(UUID customer, boolean openOnly) {
        RequestSpecification request = as(billing, Department.BILLING).queryParam("customerId", customer.toString());
        if (openOnly) {
            request.queryParam("status", "open");
        }
        return request.get("/invoices").then().statusCode(200).extract().jsonPath();
    }

    JsonPath invoice(UUID invoice) {
        return as(billing, Department.BILLING).get("/invoices/" + invoice).then().statusCode(200).extract().jsonPath();
    }

    Response pay(UUID customer, String amount, Map<UUID, String> allocations) {
        List<Map<String, Object>> allocated = new ArrayList<>();
        allocations.forEach((invoice, part) -> allocated.add(Map.of("invoiceId", invoice.toString(), "amount",
                new BigDecimal(part))));
        return as(billing, Department.BILLING)
                .body(Map.of("customerId", customer.toString(), "amount", money(amount), "allocations", allocated))
                .post("/payments");
    }

    JsonPath openItems(UUID customer) {
        return as(billing, Department.BILLING).get("/customers/" + customer + "/open-items").then().statusCode(200)
                .extract().jsonPath();
    }

    JsonPath creditNotes(UUID customer) {
        return as(billing, Department.BILLING).queryParam("customerId", customer.toString()).get("/credit-notes")
                .then().statusCode(200).extract().jsonPath();
    }

    // --- returns ---

    /** Requests the return once returns knows the shipment (it learns of it by event). */
    UUID requestReturnOnceShipped(UUID order, List<Line> lines, String reason) {
        List<Map<String, Object>> body = new ArrayList<>();
        for (Line line : lines) {
            body.add(Map.of("lineNo", line.lineNo(), "quantity", new BigDecimal(line.quantity())));
        }
        Map<String, Object> request = Map.of("orderId", order.toString(), "lines", body, "reason", reason);
        Response[] requested = new Response[1];
        await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> {
            requested[0] = as(returns, Department.RETURNS).body(request).post("/returns");
            return requested[0].statusCode() == 201;
        });
        return UUID.fromString(requested[0].path("id"));
    }

    Response requestReturn(UUID order, List<Line> lines, String reason) {
        List<Map<String, Object>> body = new ArrayList<>();
        for (Line line : lines) {
            body.add(Map.of("lineNo", line.lineNo(), "quantity", new BigDecimal(line.quantity())));
        }
        return as(returns, Department.RETURNS).body(Map.of("orderId", order.toString(), "lines", body, "reason", reason))
                .post("/returns");
    }

    void receiveReturn(UUID returnId, Map<Integer, String> conditions) {
        List<Map<String, Object>> lines = new ArrayList<>();
        conditions.forEach((lineNo, condition) -> lines.add(Map.of("lineNo", lineNo, "condition", condition)));
        as(returns, Department.RETURNS).body(Map.of("lines", lines)).post("/returns/" + returnId + "/receipt").then()
                .statusCode(200);
    }

    JsonPath returnCase(UUID returnId) {
        return as(returns, Department.RETURNS).get("/returns/" + returnId).then().statusCode(200).extract().jsonPath();
    }

    private RequestSpecification as(String token, Department department) {
        return given().baseUri(urls.apply(department)).auth().oauth2(token).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static Map<String, Object> money(String amount) {
        return Map.of("amount", new BigDecimal(amount), "currency", "EUR");
    }
}
