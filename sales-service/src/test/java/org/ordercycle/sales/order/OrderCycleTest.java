package org.ordercycle.sales.order;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordercycle.sales.ContactEvents.knownCustomer;
import static org.ordercycle.sales.SalesApi.decimal;
import static org.ordercycle.sales.SalesApi.getOrder;
import static org.ordercycle.sales.SalesApi.newSku;
import static org.ordercycle.sales.SalesApi.placeOrder;
import static org.ordercycle.sales.SalesApi.priced;
import static org.ordercycle.sales.order.CycleEvents.creditNote;
import static org.ordercycle.sales.order.CycleEvents.chf;
import static org.ordercycle.sales.order.CycleEvents.invoice;
import static org.ordercycle.sales.order.CycleEvents.payment;
import static org.ordercycle.sales.order.CycleEvents.refund;
import static org.ordercycle.sales.order.CycleEvents.shipment;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.Event;
import org.ordercycle.events.production.OrderBackordered;
import org.ordercycle.events.production.ReservationLine;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.production.ShippedLine;
import org.ordercycle.events.production.StockReserved;
import org.ordercycle.events.returns.ItemCondition;
import org.ordercycle.events.returns.ReceivedLine;
import org.ordercycle.events.returns.RefundRequested;
import org.ordercycle.events.returns.ReturnAuthorized;
import org.ordercycle.events.returns.ReturnClosed;
import org.ordercycle.events.returns.ReturnLine;
import org.ordercycle.events.returns.ReturnReceived;
import org.ordercycle.events.returns.ReturnRequested;
import org.ordercycle.kit.testing.KitMetrics;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.sales.SalesApi;
import org.ordercycle.sales.SalesTestResource;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class OrderCycleTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void statusAndTimelineFollowTheWholeCycleEvenWhenAPaymentArrivesBeforeItsInvoice() {
        UUID customer = knownCustomer();
        String pump = newSku("PUMP"), valve = newSku("VALVE");
        priced(pump, "10.00", "CHF", "8.1");
        priced(valve, "5.00", "CHF", "8.1");
        UUID order = UUID.fromString(placeOrder("""
                {"customerId": "%s", "lines": [{"sku": "%s", "quantity": 4}, {"sku": "%s", "quantity": 2}]}"""
                .formatted(customer, pump, valve)).statusCode(201).extract().jsonPath().getString("id"));
        Instant t = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS); // PostgreSQL keeps microseconds

        send(new OrderBackordered(UUID.randomUUID(), t.plusSeconds(1), order, List.of(
                new ReservationLine(1, pump, new BigDecimal("4"), BigDecimal.ZERO),
                new ReservationLine(2, valve, BigDecimal.ZERO, new BigDecimal("2")))));
        awaitStatus(order, "BACKORDERED");
        send(new StockReserved(UUID.randomUUID(), t.plusSeconds(2), order, List.of(
                new ReservationLine(1, pump, new BigDecimal("4"), BigDecimal.ZERO),
                new ReservationLine(2, valve, new BigDecimal("2"), BigDecimal.ZERO))));
        awaitStatus(order, "RESERVED");

        UUID firstShipment = UUID.randomUUID(), secondShipment = UUID.randomUUID();
        ShipmentDispatched first = shipment(order, customer, firstShipment, t.plusSeconds(3), "pat",
                new ShippedLine(1, pump, new BigDecimal("4")));
        send(first);
        awaitStatus(order, "PARTIALLY_SHIPPED");
        send(shipment(order, customer, secondShipment, t.plusSeconds(4), null,
                new ShippedLine(2, valve, new BigDecimal("2"))));
        awaitStatus(order, "SHIPPED");
        send(first); // redelivered: no second entry, nothing shipped twice

        // Billing issued the first invoice and then got paid for it, but sales reads the payment first.
        UUID firstInvoice = UUID.randomUUID(), secondInvoice = UUID.randomUUID();
        double parkedBefore = KitMetrics.count(metrics, "ordercycle.events.parked", "topic", "billing.payments");
        send(payment(customer, firstInvoice, "41.08", t.plusSeconds(6), "bill"));
        await().atMost(30, SECONDS).until(() ->
                KitMetrics.count(metrics, "ordercycle.events.parked", "topic", "billing.payments") > parkedBefore);
        assertThat(status(order)).isEqualTo("SHIPPED");
        // 4 × 10.00 × 0.95 = 38.00, tax 3.08; 2 × 5.00 × 0.95 = 9.50, tax 0.77
        send(invoice(order, customer, firstInvoice, firstShipment, "INV-2026-000001", "38.00", "3.08", "41.08",
                t.plusSeconds(5)));
        await().atMost(30, SECONDS).until(() -> paid(firstInvoice), paid -> paid.compareTo(new BigDecimal("41.08")) == 0);
        assertThat(status(order)).as("the second shipment is not invoiced yet").isEqualTo("SHIPPED");
        send(invoice(order, customer, secondInvoice, secondShipment, "INV-2026-000002", "9.50", "0.77", "10.27",
                t.plusSeconds(7)));
        awaitStatus(order, "INVOICED");
        send(payment(customer, secondInvoice, "10.27", t.plusSeconds(8), null));
        awaitStatus(order, "PAID");

        UUID returned = UUID.randomUUID();
        List<ReturnLine> lines = List.of(new ReturnLine(1, pump, BigDecimal.ONE));
        send(new ReturnRequested(UUID.randomUUID(), t.plusSeconds(9), returned, order, customer, lines, "dented",
                "rita"));
        awaitStatus(order, "RETURN_REQUESTED");
        send(new ReturnAuthorized(UUID.randomUUID(), t.plusSeconds(10), returned, order, customer, lines, "dented",
                null));
        send(new ReturnReceived(UUID.randomUUID(), t.plusSeconds(11), returned, order,
                List.of(new ReceivedLine(1, pump, BigDecimal.ONE, ItemCondition.RESELLABLE)), "rita"));
        send(new RefundRequested(UUID.randomUUID(), t.plusSeconds(12), returned, order, customer, chf("10.27"),
                lines, null, null));
        send(creditNote(order, customer, firstInvoice, returned, "10.27", t.plusSeconds(13)));
        send(refund(order, customer, returned, "10.27", t.plusSeconds(14)));
        awaitStatus(order, "REFUNDED");
        send(new ReturnClosed(UUID.randomUUID(), t.plusSeconds(15), returned, order, "REFUNDED"));

        JsonPath timeline = await().atMost(30, SECONDS).until(() -> timeline(order),
                found -> found.getList("step").size() == 17);
        assertThat(timeline.getList("step", String.class)).containsExactly("ORDER_PLACED", "ORDER_ACCEPTED",
                "ORDER_BACKORDERED", "STOCK_RESERVED", "SHIPMENT_DISPATCHED", "SHIPMENT_DISPATCHED", "INVOICE_ISSUED",
                "PAYMENT_RECEIVED", "INVOICE_ISSUED", "PAYMENT_RECEIVED", "RETURN_REQUESTED", "RETURN_AUTHORIZED",
                "RETURN_RECEIVED", "REFUND_REQUESTED", "CREDIT_NOTE_ISSUED", "REFUND_PAID", "RETURN_CLOSED");
        assertThat(timeline.getList("by", String.class)).containsExactly("sam", "sales", "production",
                "production", "pat", "production", "billing", "bill", "billing", "billing", "rita", "returns", "rita",
                "returns", "billing", "billing", "returns");
        assertThat(timeline.getList("department", String.class)).containsExactly("sales", "sales", "production",
                "production", "production", "production", "billing", "billing", "billing", "billing", "returns",
                "returns", "returns", "returns", "billing", "billing", "returns");
        assertThat(timeline.getString("[7].summary")).isEqualTo("41.08 CHF on INV-2026-000001");
        assertThat(timeline.getString("[4].occurredAt")).isEqualTo(t.plusSeconds(3).toString());
        assertThat(status(order)).isEqualTo("REFUNDED");
        getOrder(order).body("lines.shipped", org.hamcrest.Matchers.contains(
                decimal("4"),
                decimal("2")));
    }

    @Test
    void anEventRecordedTwiceInOneTransactionAndAgainLaterIsOneEntryAndAReturnOpenedInTheSameTransactionCounts() {
        UUID customer = knownCustomer();
        String sku = newSku("SEAL");
        priced(sku, "3.00", "CHF", "8.1");
        UUID id = UUID.fromString(placeOrder("""
                {"customerId": "%s", "lines": [{"sku": "%s", "quantity": 1}]}""".formatted(customer, sku))
                .statusCode(201).extract().jsonPath().getString("id"));
        UUID event = UUID.randomUUID();
        Instant at = Instant.now();

        // One transaction, as a batch of events is: nothing of it flushed when the order looks for it again.
        String statusInTheTransaction = QuarkusTransaction.requiringNew().call(() -> {
            Order order = Order.findById(id);
            order.record(event, "STOCK_RESERVED", at, "production", "production", "reserved");
            order.record(event, "STOCK_RESERVED", at, "production", "production", "reserved");
            order.returnRequested(UUID.randomUUID(), at);
            return order.status.name();
        });
        QuarkusTransaction.requiringNew().run(() -> Order.<Order>findById(id)
                .record(event, "STOCK_RESERVED", at, "production", "production", "redelivered"));

        assertThat(statusInTheTransaction).isEqualTo("RETURN_REQUESTED");
        assertThat(timeline(id).getList("step", String.class)).containsExactly("ORDER_PLACED", "ORDER_ACCEPTED",
                "STOCK_RESERVED");
    }

    @Test
    void timelineOfAnUnknownOrderIsA404Problem() {
        UUID id = UUID.randomUUID();
        io.restassured.RestAssured.given().auth().oauth2(SalesApi.SALES).get("/orders/" + id + "/timeline").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString(id.toString()));
    }

    private static void send(Event event) {
        TopicClient.sendEvent(event);
    }

    private static void awaitStatus(UUID order, String status) {
        await().atMost(30, SECONDS).until(() -> status(order), status::equals);
    }

    private static String status(UUID order) {
        return getOrder(order).statusCode(200).extract().jsonPath().getString("status");
    }

    private static JsonPath timeline(UUID order) {
        return io.restassured.RestAssured.given().auth().oauth2(SalesApi.PRODUCTION)
                .get("/orders/" + order + "/timeline").then().statusCode(200).extract().jsonPath();
    }

    private static BigDecimal paid(UUID invoice) {
        return QuarkusTransaction.requiringNew().call(() -> OrderInvoice.<OrderInvoice>findByIdOptional(invoice)
                .map(found -> found.paid).orElse(BigDecimal.ZERO));
    }
}
