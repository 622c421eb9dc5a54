package org.ordercycle.sales.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordercycle.sales.ContactEvents.knownCustomer;
import static org.ordercycle.sales.ProductionEvents.announce;
import static org.ordercycle.sales.ProductionEvents.chf;
import static org.ordercycle.sales.SalesApi.newSku;
import static org.ordercycle.sales.SalesApi.priced;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ordercycle.sales.ContactEvents.Profile;
import org.ordercycle.sales.SalesApi;
import org.ordercycle.sales.SalesTestResource;
import org.ordercycle.testinfra.TestInfra;

/**
 * Orders placed per second through {@code POST /orders} (pricing, credit check, selection policy, two events
 * through the outbox) beside the minimal reference ({@code POST /benchmark/reference}: one row, one record through
 * the same outbox), side by side in one run on the same PostgreSQL (durable settings) and broker, in the same
 * Quarkus runtime. Not part of the build (a measurement, not a timed test):
 *
 * <pre>
 * ./mvnw -B verify -pl sales-service -am -Dtest=OrderPlacementBenchmark -Dbenchmark=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * {@code -Dbenchmark.clients=16} and {@code -Dbenchmark.seconds=15} change the load and each run's length.
 */
@QuarkusTest
@WithTestResource(SalesTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class OrderPlacementBenchmark {

    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 16);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 15);

    @TestHTTPResource("/")
    URL base;

    @Test
    void ordersPerSecondBesideTheMinimalReference() throws Exception {
        String sku = newSku("BENCH");
        priced(sku, "10.00", "CHF", "19");
        announce(sku, "1000000000", 1, "0", chf("4.00"));
        UUID customer = knownCustomer(Profile.external());
        String order = "{\"customerId\": \"" + customer + "\", \"lines\": [{\"sku\": \"" + sku
                + "\", \"quantity\": 1}]}";
        String reference = "{\"customerId\": \"" + customer + "\", \"sku\": \"" + sku + "\", \"quantity\": 1}";

        TestInfra.postgres().setDurable(true);
        try {
            run("/benchmark/reference", reference, 5); // warm-up: JIT, connections, producer
            run("/orders", order, 5);
            double reference1 = run("/benchmark/reference", reference, SECONDS);
            double orders1 = run("/orders", order, SECONDS);
            double orders2 = run("/orders", order, SECONDS);
            double reference2 = run("/benchmark/reference", reference, SECONDS);
            double referenceRate = (reference1 + reference2) / 2;
            double orderRate = (orders1 + orders2) / 2;
            System.out.printf("%n=== Order placement benchmark (%d cores, %d clients, %d s per run, durable "
                    + "PostgreSQL) ===%n", Runtime.getRuntime().availableProcessors(), CLIENTS, SECONDS);
            System.out.printf("reference (one row, one record):           %,8.1f requests/s (%,.1f and %,.1f)%n",
                    referenceRate, reference1, reference2);
            System.out.printf("POST /orders (pricing, policy, 2 records):  %,8.1f orders/s   (%,.1f and %,.1f)%n",
                    orderRate, orders1, orders2);
            System.out.printf("ratio: %.0f %% of the reference%n%n", 100 * orderRate / referenceRate);
            assertThat(orderRate).isPositive();
        } finally {
            TestInfra.postgres().setDurable(false);
        }
    }

    /** Requests per second that answered 201, with CLIENTS clients sending back to back for the given seconds. */
    private double run(String path, String body, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("Authorization", "Bearer " + SalesApi.SALES).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        AtomicLong created = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            (response.statusCode() == 201 ? created : failed).incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        assertThat(failed.get()).as("failed requests on " + path).isZero();
        return created.get() / elapsed;
    }
}
