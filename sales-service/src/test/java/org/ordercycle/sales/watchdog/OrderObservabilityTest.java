package org.ordercycle.sales.watchdog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.ordercycle.sales.ContactEvents.knownCustomer;
import static org.ordercycle.sales.ProductionEvents.announce;
import static org.ordercycle.sales.ProductionEvents.chf;
import static org.ordercycle.sales.SalesApi.SALES;
import static org.ordercycle.sales.SalesApi.as;
import static org.ordercycle.sales.SalesApi.newSku;
import static org.ordercycle.sales.SalesApi.priced;
import static org.ordercycle.sales.SalesApi.today;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ordercycle.kit.CloudEventHeaders;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.sales.ContactEvents.Profile;
import org.ordercycle.sales.SalesTestResource;
import org.ordercycle.sales.TestClock;
import org.ordercycle.sales.order.OrderStatus;

/** What sales tells the people running the cycle: orders per status, stalled orders, and the trace of an order. */
@QuarkusTest
@WithTestResource(SalesTestResource.class)
class OrderObservabilityTest {

    @Inject
    OrderGauges gauges;

    @TestHTTPResource(management = true)
    URL management;

    /** Scores 15 (see SelectionPolicyTest): waits for a manager. */
    private static String queuedOrder(String traceparent) {
        String sku = newSku("GAUGE");
        priced(sku, "5.00", "CHF", "19");
        announce(sku, "0", 10, "0", chf("9.00"));
        UUID customer = knownCustomer(Profile.external().tier("C"));
        return as(SALES).header("traceparent", traceparent).body("""
                {"customerId": "%s", "lines": [{"sku": "%s", "quantity": 3}], "requestedDate": "%s"}"""
                .formatted(customer, sku, today()))
                .post("/orders").then()
                .statusCode(201).body("status", equalTo("AWAITING_DECISION")).extract().jsonPath().getString("id");
    }

    @Test
    void ordersPerStatusAndStalledOrdersAreCountedAndExposedOnTheMetricsEndpoint() throws IOException {
        gauges.refresh();
        long waitingBefore = gauges.orders().getOrDefault(OrderStatus.AWAITING_DECISION, 0L);
        long stalledBefore = gauges.stalled().getOrDefault(OrderStatus.AWAITING_DECISION, 0L);

        queuedOrder(traceparent(newTraceId()));
        gauges.refresh();
        assertThat(gauges.orders().get(OrderStatus.AWAITING_DECISION)).isEqualTo(waitingBefore + 1);
        assertThat(gauges.stalled().getOrDefault(OrderStatus.AWAITING_DECISION, 0L))
                .as("not over its 24 h limit yet").isEqualTo(stalledBefore);

        TestClock.move(Duration.ofHours(25)); // the limit for AWAITING_DECISION is PT24H
        try {
            gauges.refresh();
            long stalled = gauges.stalled().get(OrderStatus.AWAITING_DECISION);
            assertThat(stalled).as("the new order is over its limit now, and no more than the waiting ones are")
                    .isGreaterThanOrEqualTo(stalledBefore + 1).isLessThanOrEqualTo(waitingBefore + 1);
            String metrics = given().get(management + "metrics").then().statusCode(200).extract().asString();
            // the scrape deploy-tests' DashboardTest keeps as test data (copy it there when metrics change)
            Path scrape = Path.of("target", "metrics-scrape", "sales-service.prom");
            Files.createDirectories(scrape.getParent());
            Files.writeString(scrape, metrics);
            assertThat(value(metrics, "ordercycle_orders", "AWAITING_DECISION")).isEqualTo(waitingBefore + 1);
            assertThat(value(metrics, "ordercycle_orders_stalled", "AWAITING_DECISION")).isEqualTo(stalled);
            assertThat(value(metrics, "ordercycle_orders", "CANCELLED")).isGreaterThanOrEqualTo(0);
        } finally {
            TestClock.move(Duration.ZERO);
            gauges.refresh();
        }
    }

    /**
     * The trace of {@code POST /orders} (here the caller's own, from its traceparent header) is the one its
     * OrderPlaced carries on; the span is not sampled by default, so nothing is exported.
     */
    @Test
    void orderPlacedContinuesTheTraceOfThePostThatPlacedItAndIsNotSampledByDefault() {
        String traceId = newTraceId();
        String id = queuedOrder(traceparent(traceId));

        ConsumerRecord<String, String> placed = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicClient.readAll("sales.orders").stream()
                        .filter(r -> id.equals(r.key()) && "OrderPlaced".equals(TopicClient.header(r, CloudEventHeaders.TYPE)))
                        .findFirst().orElse(null),
                record -> record != null);
        String header = TopicClient.header(placed, CloudEventHeaders.TRACEPARENT);
        assertThat(header).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        String[] parts = header.split("-");
        assertThat(parts[1]).isEqualTo(traceId);
        assertThat(parts[2]).as("sales' own span, child of the caller's").isNotEqualTo("00f067aa0ba902b7");
        assertThat(parts[3]).as("not sampled: exported to nobody").isEqualTo("00");
    }

    private static String newTraceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "%016x%016x".formatted(random.nextLong(), random.nextLong() | 1);
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-00f067aa0ba902b7-01";
    }

    private static double value(String metrics, String name, String state) {
        String series = name + "{state=\"" + state + "\"}";
        return metrics.lines().filter(line -> line.startsWith(name + "{") && line.contains("state=\"" + state + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(series + " not on the metrics endpoint"));
    }
}
