package org.ordercycle.production.order;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.ordercycle.production.Production.accepted;
import static org.ordercycle.production.Production.awaitStatus;
import static org.ordercycle.production.Production.events;
import static org.ordercycle.production.Production.line;
import static org.ordercycle.production.Production.newSku;
import static org.ordercycle.production.Production.order;
import static org.ordercycle.production.Production.putProduct;
import static org.ordercycle.production.Production.productWithStock;
import static org.ordercycle.production.Production.receive;
import static org.ordercycle.production.Production.stock;
import static org.ordercycle.production.stock.LedgerAssertions.assertLedgerEqualsFigures;
import static org.ordercycle.production.Production.movements;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.production.AvailabilityChanged;
import org.ordercycle.kit.inbox.Received;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.production.ProductionTestResource;

@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class ReservationTest {

    private static final LocalDate DECEMBER_1 = LocalDate.parse("2026-12-01");
    private static final LocalDate DECEMBER_10 = LocalDate.parse("2026-12-10");

    @Inject
    Reservations reservations;

    @Test
    void acceptedOrderReservesWhatIsOnHandAndBackordersTheRest() {
        String plenty = productWithStock(10);
        String scarce = productWithStock(5);
        OrderAccepted order = accepted(DECEMBER_1, line(1, plenty, 4), line(2, scarce, 8));

        // Accepted without a placement production has stored: the acceptance alone makes the order.
        TopicClient.sendEvent(order);

        awaitStatus(order.orderId(), "BACKORDERED");
        order(order.orderId())
                .body("customerId", equalTo(order.customerId().toString()))
                .body("promisedDate", equalTo("2026-12-01"))
                .body("lines.lineNo", contains(1, 2))
                .body("lines.reserved", contains(4, 5))
                .body("lines.backordered", contains(0, 3))
                .body("lines.shipped", contains(0, 0));
        stock(scarce).body("onHand", equalTo(5)).body("reserved", equalTo(5))
                .body("availableToPromise", equalTo(0)).body("backordered", equalTo(3));
        stock(plenty).body("reserved", equalTo(4)).body("availableToPromise", equalTo(6));

        List<Map<String, Object>> snapshots = events("production.schedule", order.orderId().toString(), "OrderBackordered");
        assertThat(snapshots).hasSize(1);
        assertThat(snapshots.get(0).get("lines")).isEqualTo(List.of(
                Map.of("lineNo", 1, "sku", plenty, "reserved", "4", "backordered", "0"),
                Map.of("lineNo", 2, "sku", scarce, "reserved", "5", "backordered", "3")));
    }

    @Test
    void receiptFillsBackordersOldestPromisedDateFirst() {
        String sku = productWithStock(0);
        OrderAccepted promisedLater = accepted(DECEMBER_10, line(1, sku, 3));
        OrderAccepted promisedSooner = accepted(DECEMBER_1, line(1, sku, 3)); // accepted after the other one
        TopicClient.sendEvent(promisedLater);
        awaitStatus(promisedLater.orderId(), "BACKORDERED");
        TopicClient.sendEvent(promisedSooner);
        awaitStatus(promisedSooner.orderId(), "BACKORDERED");

        receive(sku, 4).statusCode(201)
                .body("stock.reserved", equalTo(4))
                .body("stock.backordered", equalTo(2));

        order(promisedSooner.orderId()).body("status", equalTo("RESERVED"))
                .body("lines[0].reserved", equalTo(3)).body("lines[0].backordered", equalTo(0));
        order(promisedLater.orderId()).body("status", equalTo("BACKORDERED"))
                .body("lines[0].reserved", equalTo(1)).body("lines[0].backordered", equalTo(2));
        stock(sku).body("onHand", equalTo(4)).body("availableToPromise", equalTo(0));

        List<Map<String, Object>> sooner = events("production.schedule", promisedSooner.orderId().toString(), "StockReserved");
        assertThat(sooner).hasSize(1);
        assertThat(sooner.get(0).get("lines"))
                .isEqualTo(List.of(Map.of("lineNo", 1, "sku", sku, "reserved", "3", "backordered", "0")));
        List<Map<String, Object>> later = events("production.schedule", promisedLater.orderId().toString(), "OrderBackordered");
        // A snapshot after each change: all missing at acceptance, then one reserved by the receipt.
        assertThat(later).extracting(event -> event.get("lines")).containsExactly(
                List.of(Map.of("lineNo", 1, "sku", sku, "reserved", "0", "backordered", "3")),
                List.of(Map.of("lineNo", 1, "sku", sku, "reserved", "1", "backordered", "2")));
    }

    @Test
    void placedThenAcceptedOrderKeepsWhatThePlacementSaidAndIsReserved() {
        String sku = productWithStock(2);
        OrderAccepted acceptance = accepted(DECEMBER_1, line(1, sku, 2));
        TopicClient.sendEvent(new OrderPlaced(UUID.randomUUID(), Instant.now(), acceptance.orderId(),
                acceptance.customerId(), List.of(new OrderLine(1, sku, new BigDecimal("2"), null, null, null, null)), "EUR",
                DECEMBER_1, Classification.EXTERNAL, "sam", null, null));
        TopicClient.sendEvent(acceptance);

        awaitStatus(acceptance.orderId(), "RESERVED");
        order(acceptance.orderId()).body("salesperson", equalTo("sam"))
                .body("requestedDate", equalTo("2026-12-01"))
                .body("acceptedAt", notNullValue())
                .body("lines.reserved", contains(2));
    }

    @Test
    void acceptedLineOfAProductProductionDoesNotKnowYetWaitsForItsFirstReceipt() {
        String sku = newSku();
        OrderAccepted order = accepted(DECEMBER_1, line(1, sku, 2));
        TopicClient.sendEvent(order);
        awaitStatus(order.orderId(), "BACKORDERED");

        putProduct(sku, 3).statusCode(201);
        receive(sku, 5).statusCode(201);

        order(order.orderId()).body("status", equalTo("RESERVED")).body("lines[0].reserved", equalTo(2));
        stock(sku).body("onHand", equalTo(5)).body("reserved", equalTo(2)).body("availableToPromise", equalTo(3));
    }

    /**
     * Ten orders for the last three units, accepted at the same moment: exactly three get a unit, the others wait,
     * and every acceptance succeeds (no lost update, no constraint violation).
     */
    @Test
    void concurrentOrdersForTheLastUnitsGetExactlyOneReservationEach() throws Exception {
        String sku = productWithStock(3);
        List<OrderAccepted> orders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            orders.add(accepted(DECEMBER_1, line(1, sku, 1)));
        }

        ExecutorService threads = Executors.newFixedThreadPool(orders.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> acceptances = new ArrayList<>();
            for (OrderAccepted order : orders) {
                acceptances.add(threads.submit(() -> {
                    start.await();
                    reservations.accept(order);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> acceptance : acceptances) {
                acceptance.get(30, SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        stock(sku).body("onHand", equalTo(3)).body("reserved", equalTo(3))
                .body("availableToPromise", equalTo(0)).body("backordered", equalTo(7));
        List<String> statuses = orders.stream()
                .map(order -> order(order.orderId()).extract().path("status").toString()).toList();
        assertThat(statuses).filteredOn("RESERVED"::equals).hasSize(3);
        assertThat(statuses).filteredOn("BACKORDERED"::equals).hasSize(7);
    }

    @Test
    void receiptRacingAcceptancesNeverReservesMoreThanIsOnHand() throws Exception {
        String sku = productWithStock(1);
        List<OrderAccepted> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(accepted(DECEMBER_1, line(1, sku, 1)));
        }

        ExecutorService threads = Executors.newFixedThreadPool(orders.size() + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (OrderAccepted order : orders) {
                work.add(threads.submit(() -> {
                    start.await();
                    reservations.accept(order);
                    return null;
                }));
            }
            work.add(threads.submit(() -> {
                start.await();
                receive(sku, 2).statusCode(201);
                return null;
            }));
            start.countDown();
            for (Future<?> future : work) {
                future.get(30, SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        // Whichever came first, the receipt's two units end up reserved: 3 on hand, 3 reserved, 3 still missing.
        stock(sku).body("onHand", equalTo(3)).body("reserved", equalTo(3)).body("backordered", equalTo(3));
        long reserved = orders.stream()
                .filter(order -> "RESERVED".equals(order(order.orderId()).extract().path("status"))).count();
        assertThat(reserved).isEqualTo(3);
    }

    /**
     * A poll's run of acceptances taken at once comes out as one acceptance after the other would: the earlier order
     * gets the last units, the later one waits, an order accepted twice in the run is reserved once, an unknown
     * product is backordered; the ledger explains every figure, every order gets its one snapshot, and each touched
     * product's availability is published once, with the figures after the whole run.
     */
    @Test
    void aRunOfAcceptancesReservesInOrderWithOneAvailabilityPerProduct() throws Exception {
        String scarce = productWithStock(3);
        String plenty = productWithStock(10);
        String unknown = newSku();
        OrderAccepted first = accepted(DECEMBER_1, line(1, scarce, 2), line(2, plenty, 1));
        OrderAccepted second = accepted(DECEMBER_1, line(1, scarce, 2));
        OrderAccepted third = accepted(DECEMBER_1, line(1, plenty, 1), line(2, unknown, 1));
        OrderAccepted firstAgain = new OrderAccepted(UUID.randomUUID(), Instant.now(), first.orderId(),
                first.customerId(), first.lines(), "EUR", 50, DECEMBER_1, "selection-policy", true, null, null, null);
        long scarceFeedBefore = outboxCount(scarce, "AvailabilityChanged");
        long plentyFeedBefore = outboxCount(plenty, "AvailabilityChanged");
        forgetPublishedAvailability(plenty); // as for a product whose figures were never published: the run's are its first

        reservations.acceptAll(List.of(new Received<>(first, null), new Received<>(second, null),
                new Received<>(third, null), new Received<>(firstAgain, null)));

        order(first.orderId()).body("status", equalTo("RESERVED")).body("lines.reserved", contains(2, 1));
        order(second.orderId()).body("status", equalTo("BACKORDERED"))
                .body("lines.reserved", contains(1)).body("lines.backordered", contains(1));
        order(third.orderId()).body("status", equalTo("BACKORDERED"))
                .body("lines.reserved", contains(1, 0)).body("lines.backordered", contains(0, 1));
        stock(scarce).body("onHand", equalTo(3)).body("reserved", equalTo(3)).body("backordered", equalTo(1));
        stock(plenty).body("onHand", equalTo(10)).body("reserved", equalTo(2));
        assertLedgerEqualsFigures(List.of(scarce, plenty));
        movements(scarce).body("kind", contains("RECEIPT", "RESERVATION", "RESERVATION"))
                .body("orderId[1]", equalTo(first.orderId().toString()))
                .body("orderId[2]", equalTo(second.orderId().toString()))
                .body("reservedAfter", contains(0, 2, 3));
        assertThat(outboxCount(first.orderId().toString(), "StockReserved")).isEqualTo(1);
        assertThat(outboxCount(second.orderId().toString(), "OrderBackordered")).isEqualTo(1);
        assertThat(outboxCount(third.orderId().toString(), "OrderBackordered")).isEqualTo(1);
        assertThat(outboxCount(scarce, "AvailabilityChanged")).isEqualTo(scarceFeedBefore + 1);
        assertThat(outboxCount(plenty, "AvailabilityChanged")).isEqualTo(plentyFeedBefore + 1);
        AvailabilityChanged scarceNow = EventJson.mapper().readValue(lastAvailability(scarce), AvailabilityChanged.class);
        assertThat(scarceNow.reserved()).isEqualByComparingTo("3");
        assertThat(scarceNow.availableToPromise()).isEqualByComparingTo("0");
        AvailabilityChanged plentyNow = EventJson.mapper().readValue(lastAvailability(plenty), AvailabilityChanged.class);
        assertThat(plentyNow.reserved()).isEqualByComparingTo("2");
        assertThat(plentyNow.availableToPromise()).isEqualByComparingTo("8");

        OrderAccepted fourth = accepted(DECEMBER_1, line(1, scarce, 1));
        reservations.acceptAll(List.of(new Received<>(fourth, null)));

        order(fourth.orderId()).body("status", equalTo("BACKORDERED")).body("lines.backordered", contains(1));
        assertThat(outboxCount(fourth.orderId().toString(), "OrderBackordered")).isEqualTo(1);
        assertThat(outboxCount(scarce, "AvailabilityChanged")).as("a run that only backorders moves no figure")
                .isEqualTo(scarceFeedBefore + 1);
    }

    private static void forgetPublishedAvailability(String sku) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                "delete from availability_published where sku = ?1").setParameter(1, sku).executeUpdate());
    }

    private static long outboxCount(String key, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                        "select count(*) from kit_outbox where event_key = ?1 and event_type = ?2")
                .setParameter(1, key).setParameter(2, type).getSingleResult()).longValue());
    }

    private static String lastAvailability(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Panache.getEntityManager().createNativeQuery(
                        "select payload from kit_outbox where event_key = ?1 and event_type = 'AvailabilityChanged' "
                                + "order by id desc limit 1")
                .setParameter(1, sku).getSingleResult());
    }
}
