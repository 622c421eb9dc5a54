package org.ordercycle.production.order;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.ordercycle.production.Production.accepted;
import static org.ordercycle.production.Production.events;
import static org.ordercycle.production.Production.line;
import static org.ordercycle.production.Production.movements;
import static org.ordercycle.production.Production.order;
import static org.ordercycle.production.Production.productWithStock;
import static org.ordercycle.production.Production.stock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderAmended;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.production.ProductionTestResource;

@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class OrderAmendedTest {

    @Inject
    Reservations reservations;

    @Test
    void amendmentAdjustsTheReservationsToTheNewAgreedLines() {
        String fewer = productWithStock(10);
        String dropped = productWithStock(2);
        String added = productWithStock(5);
        OrderAccepted order = accepted(LocalDate.parse("2026-12-20"), line(1, fewer, 4), line(2, dropped, 3));
        reservations.accept(order);
        order(order.orderId()).body("status", equalTo("BACKORDERED"));

        TopicClient.sendEvent(new OrderAmended(UUID.randomUUID(), Instant.now(), order.orderId(), order.customerId(),
                List.of(line(1, fewer, 2), line(3, added, 1)), "EUR", LocalDate.parse("2026-12-22"),
                "customer needs less", "sam"));

        await().atMost(30, SECONDS).untilAsserted(() -> order(order.orderId()).body("status", equalTo("RESERVED")));
        order(order.orderId())
                .body("promisedDate", equalTo("2026-12-22"))
                .body("lines.lineNo", contains(1, 2, 3))
                .body("lines.quantity", contains(2, 0, 1))
                .body("lines.reserved", contains(2, 0, 1))
                .body("lines.backordered", contains(0, 0, 0));
        stock(fewer).body("reserved", equalTo(2));
        stock(dropped).body("reserved", equalTo(0)).body("backordered", equalTo(0));
        stock(added).body("reserved", equalTo(1));
        movements(fewer).body("kind", hasItem("RELEASE")).body("reason", hasItem("order amended"));
        List<Map<String, Object>> snapshot = events("production.schedule", order.orderId().toString(), "StockReserved");
        assertThat(snapshot).hasSize(1);
        org.ordercycle.production.stock.LedgerAssertions.assertLedgerEqualsFigures(List.of(fewer, dropped, added));
    }
}
