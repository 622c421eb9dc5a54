package org.ordercycle.sales.order;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.ordercycle.sales.ContactEvents.knownCustomer;
import static org.ordercycle.sales.SalesApi.decimal;
import static org.ordercycle.sales.SalesApi.getOrder;
import static org.ordercycle.sales.SalesApi.newSku;
import static org.ordercycle.sales.SalesApi.placeOrder;
import static org.ordercycle.sales.SalesApi.priced;
import static org.ordercycle.sales.SalesApi.setPrice;
import static org.ordercycle.sales.SalesApi.today;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.Money;
import org.ordercycle.events.production.AvailabilityChanged;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.sales.SalesTestResource;
import org.ordercycle.sales.product.Product;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class OrderPricingTest {

    /** Customers from ContactEvents.registered: external, CHF, 5 % discount, no country: domestic VAT. */
    @Test
    void linesArePricedWithTheCustomersDiscountAndTaxIsRoundedOncePerRate() {
        UUID customer = knownCustomer();
        String cheap1 = newSku("CHEAP"), cheap2 = newSku("CHEAP"), cheap3 = newSku("CHEAP"), pump = newSku("PUMP");
        for (String cheap : List.of(cheap1, cheap2, cheap3)) {
            priced(cheap, "0.16", "CHF", "10");
        }
        priced(pump, "19.99", "CHF", "2.5");

        // 0.16 × 0.95 = 0.152 → 0.15 per cheap line; their tax at 10 %: 0.045 → 0.05 for the rate, where rounding
        // each line (0.015 → 0.02) would make 0.06. 2.5 × 19.99 × 0.95 = 47.47625 → 47.48, tax 1.187 → 1.19.
        JsonPath order = placeOrder("""
                {"customerId": "%s", "lines": [{"sku": "%s", "quantity": 1}, {"sku": "%s", "quantity": 1},
                 {"sku": "%s", "quantity": 1}, {"sku": "%s", "quantity": 2.5}]}"""
                .formatted(customer, cheap1, cheap2, cheap3, pump))
                .statusCode(201)
                .body("status", equalTo("ACCEPTED"))
                .body("currency", equalTo("CHF"))
                .body("lines[0].unitPrice", decimal("0.16"))
                .body("lines[0].discountPercent", decimal("5"))
                .body("lines[0].taxRate", decimal("10"))
                .body("lines[0].net", decimal("0.15"))
                .body("lines[3].unitPrice", decimal("19.99"))
                .body("lines[3].taxRate", decimal("2.5"))
                .body("lines[3].net", decimal("47.48"))
                .extract().jsonPath();

        String id = order.getString("id");
        getOrder(id).statusCode(200)
                .body("totals.net.amount", decimal("47.93"))
                .body("totals.net.currency", equalTo("CHF"))
                .body("totals.tax.amount", decimal("1.24"))
                .body("totals.gross.amount", decimal("49.17"))
                .body("totals.gross.currency", equalTo("CHF"));
    }

    @Test
    void placedOrderIsAcceptedInTheSameTransactionAndBothEventsCarryTheAgreedPrices() throws Exception {
        UUID customer = knownCustomer();
        String sku = newSku("VALVE");
        priced(sku, "12.5", "CHF", "8.1");
        LocalDate requested = today().plusDays(14);
        announce(sku, "100", 3);

        JsonPath view = placeOrder("""
                {"customerId": "%s", "lines": [{"sku": "%s", "quantity": 4}], "requestedDate": "%s"}"""
                .formatted(customer, sku, requested))
                .statusCode(201).extract().jsonPath();
        String id = view.getString("id");

        List<ConsumerRecord<String, String>> records = await().atMost(30, SECONDS)
                .until(() -> TopicClient.readAll("sales.orders").stream().filter(r -> id.equals(r.key())).toList(),
                        found -> found.size() >= 2);
        assertThat(records).extracting(r -> TopicClient.header(r, "ce_type"))
                .containsExactly("OrderPlaced", "OrderAccepted");
        OrderPlaced placed = EventJson.mapper().readValue(records.get(0).value(), OrderPlaced.class);
        OrderAccepted accepted = EventJson.mapper().readValue(records.get(1).value(), OrderAccepted.class);
        assertThat(placed.lines()).singleElement().satisfies(line -> {
            assertThat(line.unitPrice()).isEqualTo(new Money(new BigDecimal("12.50"), "CHF"));
            assertThat(line.discountPercent()).isEqualByComparingTo("5");
            assertThat(line.taxRate()).isEqualByComparingTo("8.1");
        });
        assertThat(accepted.lines()).isEqualTo(placed.lines());
        assertThat(accepted.customerId()).isEqualTo(customer);
        assertThat(accepted.currency()).isEqualTo("CHF");
        assertThat(accepted.decidedBy()).isEqualTo("selection-policy");
        assertThat(accepted.automatic()).isTrue();
        assertThat(accepted.priority()).as("the selection policy's score").isEqualTo(view.getInt("decision.score"))
                .isBetween(40, 100);
        assertThat(accepted.lines()).allSatisfy(line -> assertThat(line.taxCategory()).isEqualTo("S"));
        assertThat(accepted.promisedDate()).isEqualTo(requested);
    }

    @Test
    void everyLineWithoutAPriceInForceOrInAnotherCurrencyIsNamedInA422AndNothingIsPlaced() {
        UUID customer = knownCustomer();
        String fine = newSku("FINE"), none = newSku("NONE"), euro = newSku("EURO"), later = newSku("LATER");
        priced(fine, "1.00", "CHF", "8.1");
        priced(euro, "1.00", "EUR", "19");
        setPrice(later, "1.00", "CHF", "8.1", today().plusDays(1)).statusCode(201);

        placeOrder("""
                {"customerId": "%s", "lines": [{"sku": "%s", "quantity": 1}, {"sku": "%s", "quantity": 1},
                 {"sku": "%s", "quantity": 1}, {"sku": "%s", "quantity": 1}]}"""
                .formatted(customer, fine, none, euro, later))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("lines[1].sku", "lines[2].sku", "lines[3].sku")))
                .body("detail", containsString("line 2 (" + none + ") has no price in force"))
                .body("detail", containsString("line 3 (" + euro + ") is priced in EUR, the customer pays in CHF"))
                .body("detail", containsString("line 4 (" + later + ") has no price in force"));

        assertThat(QuarkusTransaction.requiringNew().call(() -> Order.count("customerId", customer))).isZero();
        assertThat(TopicClient.readAll("sales.orders"))
                .noneMatch(record -> record.value().contains(customer.toString()));
    }

    @Test
    void promisedDateIsTheRequestedOneWhenAvailableElseTodayPlusTheLongestLeadTimeOfTheShortLines() {
        UUID customer = knownCustomer();
        String plenty = newSku("PLENTY"), scarce = newSku("SCARCE"), slow = newSku("SLOW"), unknown = newSku("NEW");
        for (String sku : List.of(plenty, scarce, slow, unknown)) {
            priced(sku, "5.00", "CHF", "8.1");
        }
        announce(plenty, "10", 30);
        announce(scarce, "2", 7);
        announce(slow, "0", 21);

        assertThat(promised(customer, today().plusDays(3), plenty, 10)).isEqualTo(today().plusDays(3));
        assertThat(promised(customer, null, plenty, 4)).isEqualTo(today());
        assertThat(promised(customer, today().plusDays(3), scarce, 4)).isEqualTo(today().plusDays(7));
        assertThat(promised(customer, today().plusDays(9), scarce, 4)).as("later than the lead time")
                .isEqualTo(today().plusDays(9));
        assertThat(promised(customer, null, unknown, 1)).as("nothing known: lead time 0").isEqualTo(today());
        assertThat(promised(customer, today().plusDays(1), unknown, 1)).isEqualTo(today().plusDays(1));
        String twoShort = placeOrder("""
                {"customerId": "%s", "lines": [{"sku": "%s", "quantity": 1}, {"sku": "%s", "quantity": 3},
                 {"sku": "%s", "quantity": 1}]}""".formatted(customer, plenty, scarce, slow))
                .statusCode(201).extract().jsonPath().getString("promisedDate");
        assertThat(LocalDate.parse(twoShort)).isEqualTo(today().plusDays(21));
    }

    private static LocalDate promised(UUID customer, LocalDate requested, String sku, int quantity) {
        String json = requested == null
                ? "{\"customerId\": \"%s\", \"lines\": [{\"sku\": \"%s\", \"quantity\": %d}]}"
                        .formatted(customer, sku, quantity)
                : "{\"customerId\": \"%s\", \"lines\": [{\"sku\": \"%s\", \"quantity\": %d}], \"requestedDate\": \"%s\"}"
                        .formatted(customer, sku, quantity, requested);
        return LocalDate.parse(placeOrder(json).statusCode(201).extract().jsonPath().getString("promisedDate"));
    }

    /** Production announces the product's availability; waits until sales holds it. */
    static void announce(String sku, String availableToPromise, int leadTimeDays) {
        BigDecimal atp = new BigDecimal(availableToPromise);
        TopicClient.sendEvent(new AvailabilityChanged(UUID.randomUUID(), Instant.now(), sku, atp, BigDecimal.ZERO,
                atp, leadTimeDays, BigDecimal.ZERO, new Money(new BigDecimal("1.00"), "CHF"), null));
        await().atMost(30, SECONDS).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Product.<Product>findById(sku)) != null);
    }
}
