package org.ordercycle.sales.forecast;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.ordercycle.sales.ContactEvents.knownCustomer;
import static org.ordercycle.sales.ProductionEvents.announce;
import static org.ordercycle.sales.ProductionEvents.chf;
import static org.ordercycle.sales.SalesApi.PRODUCTION;
import static org.ordercycle.sales.SalesApi.SALES;
import static org.ordercycle.sales.SalesApi.as;
import static org.ordercycle.sales.SalesApi.decimal;
import static org.ordercycle.sales.SalesApi.newSku;
import static org.ordercycle.sales.SalesApi.placeOrder;
import static org.ordercycle.sales.SalesApi.priced;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.production.CapacityPlanPublished;
import org.ordercycle.events.sales.ForecastSubmitted;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.sales.ContactEvents.Profile;
import org.ordercycle.sales.SalesEvents;
import org.ordercycle.sales.SalesTestResource;
import org.ordercycle.sales.TestClock;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class ForecastTest {

    private static String forecast(String sku, YearMonth month, String quantity) {
        return """
                {"sku": "%s", "month": "%s", "quantity": %s, "assumptions": "trade fair in spring"}"""
                .formatted(sku, month, quantity);
    }

    @Test
    void forecastBiasIsComputedFromTheOrdersAcceptedOnceTheMonthHasClosed() {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        String sku = newSku("PLAN");
        priced(sku, "10.00", "CHF", "19");
        announce(sku, "1000", 2, "0", chf("4.00"));
        String workCenter = newSku("ASSEMBLY");

        as(SALES).body(forecast(sku, month, "12")).post("/forecasts").then().statusCode(201);
        as(SALES).body(forecast(sku, month, "10")).post("/forecasts").then().statusCode(200)
                .body("forecasts.find { it.sku == '" + sku + "' }.forecast", decimal("10"));
        ForecastSubmitted submitted = SalesEvents.awaitPublished("sales.forecasts", sku, ForecastSubmitted.class)
                .get(1);
        assertThat(submitted.quantity()).isEqualByComparingTo("10");
        assertThat(submitted.month()).isEqualTo(month);
        assertThat(submitted.assumptions()).isEqualTo("trade fair in spring");
        TopicClient.sendEvent(new CapacityPlanPublished(UUID.randomUUID(), Instant.now(), workCenter, month,
                new BigDecimal("160"), new BigDecimal("120")));

        UUID customer = knownCustomer(Profile.external());
        for (int quantity : new int[] {3, 1}) {
            placeOrder("{\"customerId\": \"%s\", \"lines\": [{\"sku\": \"%s\", \"quantity\": %d}]}"
                    .formatted(customer, sku, quantity)).statusCode(201).body("status", equalTo("ACCEPTED"));
        }
        String cancelled = placeOrder("{\"customerId\": \"%s\", \"lines\": [{\"sku\": \"%s\", \"quantity\": 50}]}"
                .formatted(customer, sku)).statusCode(201).extract().jsonPath().getString("id");
        as(SALES).body("{}").post("/orders/" + cancelled + "/cancel").then().statusCode(200);

        String line = "forecasts.find { it.sku == '" + sku + "' }";
        await().atMost(30, SECONDS).untilAsserted(() -> as(PRODUCTION).get("/forecasts?month=" + month).then()
                .statusCode(200)
                .body("capacity.find { it.workCenter == '" + workCenter + "' }.hoursFree", decimal("40")));
        as(SALES).get("/forecasts?month=" + month).then()
                .body("closed", equalTo(false))
                .body(line + ".actual", decimal("4"))
                .body(line + ".biasPercent", equalTo(null));

        YearMonth next = month.plusMonths(1);
        TestClock.move(Duration.between(Instant.now(), next.atDay(2).atStartOfDay(ZoneOffset.UTC).toInstant()));
        try {
            as(SALES).get("/forecasts?month=" + month).then()
                    .body("closed", equalTo(true))
                    .body(line + ".forecast", decimal("10"))
                    .body(line + ".actual", decimal("4"))
                    .body(line + ".deviation", decimal("6"))
                    .body(line + ".biasPercent", decimal("150.00"));
            String product = "products.find { it.sku == '" + sku + "' }";
            as(SALES).get("/forecasts/accuracy").then().statusCode(200)
                    .body("to", equalTo(month.toString()))
                    .body(product + ".biasPercent", decimal("150.00"))
                    .body(product + ".monthsOverForecast", equalTo(1))
                    .body(product + ".systematicOverForecast", equalTo(true));
            as(SALES).body(forecast(sku, month, "5")).post("/forecasts").then().statusCode(400)
                    .body("violations.field", hasItem("month"));
        } finally {
            TestClock.move(Duration.ZERO);
        }
        as(SALES).get("/forecasts?month=December").then().statusCode(400).body("violations.field", hasItem("month"));
        as(SALES).body("{\"sku\": \"" + sku + "\", \"month\": \"2026-13\", \"quantity\": 1}").post("/forecasts")
                .then().statusCode(400);
        as(SALES).body("{\"sku\": \"" + sku + "\", \"month\": \"" + month + "\", \"quantity\": -1}")
                .post("/forecasts").then().statusCode(400).body("violations.field", hasItem("quantity"));
    }

    @Test
    void availabilityShowsExcessStockBeyondTheForecastAndSurplusCapacityAsOffers() {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        String stocked = newSku("STOCKED"), idle = newSku("IDLE"), tight = newSku("TIGHT");
        announce(stocked, "80", 2, "0", chf("4.00"));
        announce(idle, "0", 5, "30", chf("4.00"));
        announce(tight, "20", 5, "0", chf("4.00"));
        as(SALES).body(forecast(stocked, month, "50")).post("/forecasts").then().statusCode(201);
        as(SALES).body(forecast(tight, month, "20")).post("/forecasts").then().statusCode(201);

        as(SALES).get("/availability").then().statusCode(200)
                .body("find { it.sku == '" + stocked + "' }.excessStock", decimal("30"))
                .body("find { it.sku == '" + stocked + "' }.availableToPromise", decimal("80"))
                .body("find { it.sku == '" + idle + "' }.surplusCapacityHours", decimal("30"))
                .body("find { it.sku == '" + tight + "' }.excessStock", decimal("0"));
        as(SALES).get("/availability/offers").then().statusCode(200)
                .body("find { it.sku == '" + stocked + "' }.reasons", equalTo(java.util.List.of("EXCESS_STOCK")))
                .body("find { it.sku == '" + stocked + "' }.immediateDelivery", equalTo(true))
                .body("find { it.sku == '" + stocked + "' }.suggestedDiscountPercent", decimal("10"))
                .body("find { it.sku == '" + idle + "' }.reasons", equalTo(java.util.List.of("SURPLUS_CAPACITY")))
                .body("find { it.sku == '" + idle + "' }.immediateDelivery", equalTo(false))
                .body("sku", org.hamcrest.Matchers.not(hasItem(tight)));
    }
}
