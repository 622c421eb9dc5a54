package org.ordercycle.sales.product;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.ordercycle.sales.SalesApi.PRODUCTION;
import static org.ordercycle.sales.SalesApi.SALES;
import static org.ordercycle.sales.SalesApi.decimal;
import static org.ordercycle.sales.SalesApi.newSku;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.Money;
import org.ordercycle.events.production.AvailabilityChanged;
import org.ordercycle.kit.testing.KitMetrics;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.sales.SalesTestResource;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class ProductResourceTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void salesSeesProductionsLatestFiguresAndIgnoresAnOlderAnnouncement() {
        String sku = newSku("AVAIL");
        Instant now = Instant.now();
        TopicClient.sendEvent(changed(sku, "12", "5", 9, now));
        await().atMost(30, SECONDS).until(() -> given().auth().oauth2(SALES).get("/products/" + sku).statusCode(),
                status -> status == 200);
        given().auth().oauth2(SALES).get("/products/" + sku).then()
                .body("onHand", decimal("12"))
                .body("reserved", decimal("5"))
                .body("availableToPromise", decimal("7"))
                .body("leadTimeDays", equalTo(9));
        double handled = handled();

        TopicClient.sendEvent(changed(sku, "1", "0", 2, now.minusSeconds(60)));

        await().atMost(30, SECONDS).until(() -> handled() > handled);
        given().auth().oauth2(SALES).get("/products/" + sku).then()
                .body("availableToPromise", decimal("7"))
                .body("leadTimeDays", equalTo(9));
    }

    @Test
    void unknownProductIsA404AndProductionHasNoBusinessHere() {
        String sku = newSku("NOPE");
        given().auth().oauth2(SALES).get("/products/" + sku).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(sku));
        given().auth().oauth2(PRODUCTION).get("/products/" + sku).then().statusCode(403);
    }

    private double handled() {
        return KitMetrics.count(metrics, "ordercycle.events.handled", "type", "AvailabilityChanged");
    }

    private static AvailabilityChanged changed(String sku, String onHand, String reserved, int leadTimeDays,
            Instant at) {
        BigDecimal hand = new BigDecimal(onHand), held = new BigDecimal(reserved);
        return new AvailabilityChanged(UUID.randomUUID(), at, sku, hand, held, hand.subtract(held), leadTimeDays,
                BigDecimal.ZERO, new Money(new BigDecimal("4.00"), "CHF"), "pat");
    }
}
