package org.ordercycle.systemtests;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordercycle.systemtests.CycleApi.Line;

/**
 * One customer's two orders through the whole cycle, through the five services' REST APIs only: priced, accepted,
 * reserved (one at once, one backordered until goods arrive), shipped (one in two parts), invoiced per shipment,
 * paid (one invoice fully, one partly), a line returned, credited and refunded — every figure checked to the cent
 * from every department's side, and both timelines.
 *
 * <p>The figures, with the customer's 2.5 % discount (net per line rounded half up, tax once per rate):
 * <pre>
 * order 1  line 1  6 × 99.99 × 0.975 = 584.9415 → 584.94  (19 %)
 *          line 2  3 × 12.35 × 0.975 =  36.12375 →  36.12  (7 %)
 *          tax 19 %: 111.1386 → 111.14, 7 %: 2.5284 → 2.53; net 621.06, tax 113.67, gross 734.73
 *   shipment 1 (4 of line 1, 3 of line 2): net 389.96 + 36.12 = 426.08, tax 74.09 + 2.53 = 76.62, gross 502.70
 *   shipment 2 (2 of line 1):              net 194.98,                  tax 37.05,              gross 232.03
 * order 2  line 1 20 × 0.55 × 0.975 = 10.725 → 10.73 (7 %), tax 0.7511 → 0.75, gross 11.48
 * return   1 of order 1's line 2: 12.04125 → 12.04 net, 0.8428 → 0.84 tax, 12.88 refunded
 * payments 502.70 to invoice 1 (paid); 100.00 unallocated → the oldest open invoice (invoice 2: 132.03 open)
 * </pre>
 */
class OrderCycleIT {

    private static CycleApi api;

    @BeforeAll
    static void suite() {
        api = CycleApi.onSharedSuite();
    }

    @Test
    void anOrderCycleAddsUpToTheCentInEveryDepartment() {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String pump = "PUMP-" + run;
        String valve = "VALVE-" + run;
        String seal = "SEAL-" + run;
        UUID customer = api.registerCustomer("Cycle Werke " + run, "2.5", 14);
        api.defineProduct(pump, "Pump", "40.00", 10);
        api.defineProduct(valve, "Valve", "5.00", 3);
        api.defineProduct(seal, "Seal", "0.10", 5);
        api.receiveStock(pump, "10");
        api.receiveStock(valve, "100");
        api.setPrice(pump, "99.99", "19");
        api.setPrice(valve, "12.35", "7");
        api.setPrice(seal, "0.55", "7");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate requested = today.plusDays(2);

        // Placed and priced; accepted at once; order 1 reserved, order 2 backordered (no seals in stock).
        JsonPath first = api.placeOrderOnceKnown(customer, List.of(Line.of(pump, "6"), Line.of(valve, "3")), requested);
        UUID order1 = UUID.fromString(first.getString("id"));
        assertMoney(first, "totals.net", "621.06");
        assertMoney(first, "totals.tax", "113.67");
        assertMoney(first, "totals.gross", "734.73");
        assertThat(decimal(first, "lines[0].net")).isEqualByComparingTo("584.94");
        assertThat(decimal(first, "lines[1].net")).isEqualByComparingTo("36.12");

        JsonPath second = api.placeOrderOnceKnown(customer, List.of(Line.of(seal, "20")), requested);
        UUID order2 = UUID.fromString(second.getString("id"));
        assertMoney(second, "totals.gross", "11.48");

        awaitStatus(order1, "RESERVED");
        awaitStatus(order2, "BACKORDERED");
        assertThat(api.order(order1).getString("promisedDate")).isEqualTo(requested.toString());
        assertThat(api.order(order2).getString("promisedDate")).as("seals: today + 5 days lead time")
                .isEqualTo(today.plusDays(5).toString());
        assertStock(pump, "10", "6", "4");
        assertThat(api.stock(seal).getString("backordered")).isEqualTo("20");

        // The seals arrive: order 2 is reserved.
        api.receiveStock(seal, "25");
        awaitStatus(order2, "RESERVED");
        assertStock(seal, "25", "20", "5");

        // Order 1 leaves in two shipments, order 2 in one; shipping more than reserved is refused.
        api.ship(order1, List.of(Line.of(1, "7")), "TOO-MANY").then().statusCode(409);
        UUID shipment1 = api.shipOnceReserved(order1, List.of(Line.of(1, "4"), Line.of(2, "3")));
        awaitStatus(order1, "PARTIALLY_SHIPPED");
        UUID shipment2 = api.shipOnceReserved(order1, List.of(Line.of(1, "2")));
        UUID shipment3 = api.shipOnceReserved(order2, List.of(Line.of(1, "20")));
        assertStock(pump, "4", "0", "4");
        assertStock(seal, "5", "0", "5");

        // One invoice per shipment, for what was shipped at the agreed prices.
        await().atMost(60, SECONDS).until(() -> api.invoices(customer, false).getList("$").size() == 3);
        JsonPath invoice1 = api.invoice(invoiceOf(customer, shipment1));
        JsonPath invoice2 = api.invoice(invoiceOf(customer, shipment2));
        JsonPath invoice3 = api.invoice(invoiceOf(customer, shipment3));
        assertMoney(invoice1, "net", "426.08");
        assertMoney(invoice1, "tax", "76.62");
        assertMoney(invoice1, "gross", "502.70");
        assertThat(invoice1.getList("lines")).hasSize(2);
        assertMoney(invoice2, "net", "194.98");
        assertMoney(invoice2, "tax", "37.05");
        assertMoney(invoice2, "gross", "232.03");
        assertMoney(invoice3, "gross", "11.48");
        int year = today.getYear();
        List<String> numbers = List.of(invoice1.getString("number"), invoice2.getString("number"),
                invoice3.getString("number"));
        assertThat(numbers).allMatch(number -> number.matches("INV-" + year + "-\\d{6}"));
        assertThat(invoice1.getString("dueDate")).isEqualTo(LocalDate.parse(invoice1.getString("issuedOn"))
                .plusDays(14).toString());

        awaitStatus(order1, "INVOICED");
        awaitStatus(order2, "INVOICED");

        // Paid: invoice 1 fully by allocation, then 100.00 unallocated goes to the oldest open invoice (2).
        api.pay(customer, "502.70", Map.of(UUID.fromString(invoice1.getString("id")), "502.70")).then().statusCode(201);
        api.pay(customer, "100.00", Map.of()).then().statusCode(201);
        JsonPath openItems = api.openItems(customer);
        assertThat(openItems.getList("invoices.number")).containsExactly(invoice2.getString("number"),
                invoice3.getString("number"));
        assertThat(decimal(openItems, "invoices[0].open")).isEqualByComparingTo("132.03");
        assertThat(decimal(openItems, "invoices[1].open")).isEqualByComparingTo("11.48");
        assertThat(decimal(openItems, "totalOpen")).isEqualByComparingTo("143.51");
        assertThat(decimal(openItems, "credit")).isEqualByComparingTo("0");
        assertThat(api.invoice(UUID.fromString(invoice1.getString("id"))).getString("status")).isEqualTo("PAID");

        // One valve of order 1 comes back, resellable: credited at the agreed price and refunded once.
        api.requestReturn(order1, List.of(Line.of(2, "4")), "too many").then().statusCode(422);
        UUID returned = api.requestReturnOnceShipped(order1, List.of(Line.of(2, "1")), "damaged in transit");
        api.receiveReturn(returned, Map.of(2, "RESELLABLE"));
        await().atMost(60, SECONDS).until(() -> "CLOSED".equals(api.returnCase(returned).getString("state")));
        JsonPath returnCase = api.returnCase(returned);
        assertMoney(returnCase, "refundRequested", "12.88");
        JsonPath creditNotes = api.creditNotes(customer);
        assertThat(creditNotes.getList("$")).hasSize(1);
        assertMoney(creditNotes, "[0].amount", "12.88");
        assertThat(creditNotes.getString("[0].invoiceId")).isEqualTo(invoice1.getString("id"));
        await().atMost(60, SECONDS).untilAsserted(() -> assertStock(valve, "98", "0", "98"));
        awaitStatus(order1, "REFUNDED");

        // Both timelines tell the same story.
        List<String> salesSteps = steps(api.orderTimeline(order1));
        assertThat(salesSteps).containsSubsequence("ORDER_PLACED", "ORDER_ACCEPTED", "STOCK_RESERVED",
                "SHIPMENT_DISPATCHED", "SHIPMENT_DISPATCHED", "RETURN_REQUESTED", "REFUND_PAID");
        assertThat(salesSteps).contains("INVOICE_ISSUED", "PAYMENT_RECEIVED", "CREDIT_NOTE_ISSUED", "RETURN_CLOSED");
        assertThat(salesSteps.stream().filter("INVOICE_ISSUED"::equals)).hasSize(2);
        List<String> order2Steps = steps(api.orderTimeline(order2));
        assertThat(order2Steps).containsSubsequence("ORDER_PLACED", "ORDER_ACCEPTED", "ORDER_BACKORDERED",
                "STOCK_RESERVED", "SHIPMENT_DISPATCHED", "INVOICE_ISSUED");
        JsonPath placed = api.orderTimeline(order1);
        assertThat(placed.getString("find { it.step == 'ORDER_PLACED' }.by")).isEqualTo("sam");
        assertThat(placed.getString("find { it.step == 'SHIPMENT_DISPATCHED' }.by")).isEqualTo("pete");
        assertThat(placed.getString("find { it.step == 'INVOICE_ISSUED' }.department")).isEqualTo("billing");

        await().atMost(60, SECONDS).untilAsserted(() -> {
            JsonPath crm = api.customerTimeline(customer);
            List<String> crmSteps = crm.getList("findAll { it.orderId == '" + order1 + "' }.step");
            assertThat(crmSteps).containsAll(salesSteps);
            assertThat(crmSteps).hasSameSizeAs(salesSteps);
            assertThat(crm.getList("findAll { it.orderId == '" + order2 + "' }.step", String.class))
                    .containsAll(order2Steps);
        });
    }

    private static UUID invoiceOf(UUID customer, UUID shipment) {
        JsonPath invoices = api.invoices(customer, false);
        String id = invoices.getString("find { it.shipmentId == '" + shipment + "' }.id");
        assertThat(id).as("the invoice of shipment " + shipment).isNotNull();
        return UUID.fromString(id);
    }

    private static void awaitStatus(UUID order, String status) {
        await().atMost(60, SECONDS).until(() -> status.equals(api.order(order).getString("status")));
    }

    private static void assertStock(String sku, String onHand, String reserved, String available) {
        JsonPath stock = api.stock(sku);
        assertThat(decimal(stock, "onHand")).as(sku + " on hand").isEqualByComparingTo(onHand);
        assertThat(decimal(stock, "reserved")).as(sku + " reserved").isEqualByComparingTo(reserved);
        assertThat(decimal(stock, "availableToPromise")).as(sku + " available").isEqualByComparingTo(available);
    }

    private static void assertMoney(JsonPath json, String path, String amount) {
        assertThat(decimal(json, path + ".amount")).as(path).isEqualByComparingTo(amount);
        assertThat(json.getString(path + ".currency")).as(path + " currency").isEqualTo("EUR");
    }

    private static BigDecimal decimal(JsonPath json, String path) {
        return new BigDecimal(json.getString(path));
    }

    private static List<String> steps(JsonPath timeline) {
        return timeline.getList("step", String.class);
    }
}
