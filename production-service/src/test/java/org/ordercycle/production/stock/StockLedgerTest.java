package org.ordercycle.production.stock;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.ordercycle.production.Production.accepted;
import static org.ordercycle.production.Production.adjust;
import static org.ordercycle.production.Production.line;
import static org.ordercycle.production.Production.movements;
import static org.ordercycle.production.Production.newSku;
import static org.ordercycle.production.Production.newWarehouse;
import static org.ordercycle.production.Production.order;
import static org.ordercycle.production.Production.productWithStock;
import static org.ordercycle.production.Production.putProduct;
import static org.ordercycle.production.Production.receive;
import static org.ordercycle.production.Production.ship;
import static org.ordercycle.production.Production.shipment;
import static org.ordercycle.production.Production.stock;
import static org.ordercycle.production.Production.transfer;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.production.ProductionTestResource;
import org.ordercycle.production.order.Reservations;

@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class StockLedgerTest {

    private static final LocalDate DECEMBER_1 = LocalDate.parse("2026-12-01");

    @Inject
    Reservations reservations;

    @Test
    void everyMovementIsALedgerEntryThatExplainsTheFigures() {
        String sku = productWithStock(10);
        String other = newWarehouse();
        OrderAccepted order = accepted(DECEMBER_1, line(1, sku, 4));
        reservations.accept(order);
        ship(order.orderId(), shipment(1, 3)).statusCode(201);
        reservations.cancel(new OrderCancelled(UUID.randomUUID(), Instant.now(), order.orderId(), "changed mind", "sam"));
        adjust(sku, "MAIN", -2, "broken on the shelf").statusCode(200);
        transfer(sku, "MAIN", other, 1).statusCode(200);

        movements(sku).statusCode(200)
                .body("kind", contains("RECEIPT", "RESERVATION", "ISSUE", "RELEASE", "ADJUSTMENT", "TRANSFER_OUT",
                        "TRANSFER_IN"))
                .body("warehouse", contains("MAIN", "MAIN", "MAIN", "MAIN", "MAIN", "MAIN", other))
                .body("onHandChange", contains(10, 0, -3, 0, -2, -1, 1))
                .body("reservedChange", contains(0, 4, -3, -1, 0, 0, 0))
                .body("onHandAfter", contains(10, 10, 7, 7, 5, 4, 1))
                .body("reservedAfter", contains(0, 4, 1, 0, 0, 0, 0))
                .body("[1].orderId", equalTo(order.orderId().toString()))
                .body("[1].lineNo", equalTo(1))
                .body("[2].reference", containsString("shipment "))
                .body("[3].movedBy", equalTo("sam"))
                .body("[4].reason", equalTo("broken on the shelf"))
                .body("[4].movedBy", equalTo("pia"));
        stock(sku).body("onHand", equalTo(5)).body("reserved", equalTo(0))
                .body("warehouses.warehouse", contains("MAIN", other))
                .body("warehouses.onHand", contains(4, 1));
        assertLedgerEqualsFigures(List.of(sku));
    }

    @Test
    void goodsFoundMissingAreTakenFromTheOrderPromisedLatestAndItIsBackorderedAgain() {
        String sku = productWithStock(5);
        OrderAccepted sooner = accepted(DECEMBER_1, line(1, sku, 2));
        OrderAccepted later = accepted(LocalDate.parse("2026-12-20"), line(1, sku, 2));
        reservations.accept(sooner);
        reservations.accept(later);

        adjust(sku, "MAIN", -3, "water damage").statusCode(200)
                .body("onHand", equalTo(2)).body("reserved", equalTo(2)).body("backordered", equalTo(2));

        order(sooner.orderId()).body("status", equalTo("RESERVED"));
        order(later.orderId()).body("status", equalTo("BACKORDERED"))
                .body("lines[0].reserved", equalTo(0)).body("lines[0].backordered", equalTo(2));
        assertLedgerEqualsFigures(List.of(sku));
    }

    @Test
    void badStockInputIsAProblemAndChangesNothing() {
        String sku = productWithStock(3);
        long before = movementCount(sku);

        adjust(sku, "MAIN", -4, "more than there is").statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("only 3 on hand"));
        adjust(sku, "NOWHERE", 1, "unknown warehouse").statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("NOWHERE"));
        adjust(newSku(), "MAIN", 1, "unknown product").statusCode(422)
                .contentType("application/problem+json");
        receive(sku, 2, "NOWHERE").statusCode(422).contentType("application/problem+json");
        receive(sku, -2, "MAIN").statusCode(400).contentType("application/problem+json");
        transfer(sku, "MAIN", newWarehouse(), 4).statusCode(409).contentType("application/problem+json");
        transfer(sku, "MAIN", "MAIN", 1).statusCode(400).contentType("application/problem+json");
        movements(newSku()).statusCode(404).contentType("application/problem+json");

        assertThat(movementCount(sku)).isEqualTo(before);
        stock(sku).body("onHand", equalTo(3));
    }

    /**
     * Eight writers at once — receipts, acceptances, shipments, cancellations, adjustments and transfers over three
     * products and two warehouses: afterwards every stock figure is exactly the sum of its ledger entries, and what is
     * reserved is exactly what the order lines hold.
     */
    @Test
    void ledgerSumsEqualTheStockFiguresAfterEightConcurrentWriters() throws Exception {
        List<String> skus = List.of(productWithStock(20), productWithStock(20), productWithStock(20));
        String second = newWarehouse();
        List<OrderAccepted> accepted = Collections.synchronizedList(new ArrayList<>());

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                Random random = new Random(writer);
                writers.add(threads.submit(() -> {
                    start.await();
                    for (int step = 0; step < 25; step++) {
                        String sku = skus.get(random.nextInt(skus.size()));
                        switch (random.nextInt(6)) {
                            case 0 -> retried(() -> receive(sku, 1 + random.nextInt(5),
                                    random.nextBoolean() ? "MAIN" : second), 201);
                            case 1 -> {
                                OrderAccepted order = accepted(DECEMBER_1, line(1, sku, 1 + random.nextInt(4)));
                                reservations.accept(order);
                                accepted.add(order);
                            }
                            case 2 -> {
                                if (!accepted.isEmpty()) {
                                    OrderAccepted order = accepted.get(random.nextInt(accepted.size()));
                                    // Ships what is reserved, or is refused (409) when nothing is: both are fine.
                                    retried(() -> ship(order.orderId(), shipment(1, 1)), 201, 409);
                                }
                            }
                            case 3 -> {
                                if (!accepted.isEmpty()) {
                                    OrderAccepted order = accepted.get(random.nextInt(accepted.size()));
                                    reservations.cancel(new OrderCancelled(UUID.randomUUID(), Instant.now(),
                                            order.orderId(), "test", "sam"));
                                }
                            }
                            case 4 -> retried(() -> adjust(sku, "MAIN", random.nextBoolean() ? 2 : -1, "recount"),
                                    200, 409);
                            default -> retried(() -> transfer(sku, "MAIN", second, 1), 200, 409);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(120, SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(movementCount(skus.get(0)) + movementCount(skus.get(1)) + movementCount(skus.get(2)))
                .as("the writers moved stock").isGreaterThan(50);
        assertLedgerEqualsFigures(skus);
        for (String sku : skus) {
            BigDecimal heldByOrders = decimal(
                    "select coalesce(sum(reserved), 0) from production_order_line where sku = ?1", sku);
            BigDecimal reserved = decimal("select coalesce(sum(reserved), 0) from stock where sku = ?1", sku);
            assertThat(reserved).as("reserved of " + sku + " = what its order lines hold")
                    .isEqualByComparingTo(heldByOrders);
        }
    }

    /** A call that may lose a deadlock with a concurrent writer (503: changed nothing, send it again). */
    private static void retried(Supplier<ValidatableResponse> call, int... expected) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int status = call.get().extract().statusCode();
            if (status != 503) {
                assertThat(status).isIn(java.util.Arrays.stream(expected).boxed().toList());
                return;
            }
        }
        throw new AssertionError("still 503 after 20 attempts");
    }

    static void assertLedgerEqualsFigures(List<String> skus) {
        LedgerAssertions.assertLedgerEqualsFigures(skus);
    }

    private static long movementCount(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from stock_movement where sku = ?1").setParameter(1, sku)
                .getSingleResult()).longValue());
    }

    private static BigDecimal decimal(String sql, String sku) {
        return QuarkusTransaction.requiringNew().call(() -> (BigDecimal) Panache.getEntityManager()
                .createNativeQuery(sql).setParameter(1, sku).getSingleResult());
    }
}
