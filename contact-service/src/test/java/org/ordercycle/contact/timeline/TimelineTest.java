package org.ordercycle.contact.timeline;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.contact.ContactTestResource;
import org.ordercycle.events.Event;
import org.ordercycle.events.Money;
import org.ordercycle.events.billing.Allocation;
import org.ordercycle.events.billing.CreditNoteIssued;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.events.billing.PaymentReceived;
import org.ordercycle.events.billing.RefundPaid;
import org.ordercycle.events.contact.Classification;
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
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.testinfra.TestInfra;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class TimelineTest {

    private static final String CRM = TestInfra.jwt().token("carla", Duration.ofHours(1), "crm");
    private static final String SKU = "SKU-1";

    @Test
    void ordersAppearOnTheCustomersTimelineOnceEach() {
        UUID customer = register("Timeline Corp");
        OrderPlaced first = placed(customer, UUID.randomUUID(), new BigDecimal("3"), Instant.now());
        OrderPlaced second = placed(customer, UUID.randomUUID(), BigDecimal.ONE, Instant.now().plusSeconds(1));

        TopicClient.sendEvent(first);
        TopicClient.sendEvent(first); // redelivered
        TopicClient.sendEvent(second);

        await().atMost(30, SECONDS).untilAsserted(() -> timeline(customer)
                .body("", hasSize(2))
                .body("[0].step", equalTo("ORDER_PLACED"))
                .body("[0].department", equalTo("sales"))
                .body("[0].by", equalTo("sam"))
                .body("[0].orderId", equalTo(first.orderId().toString()))
                .body("[0].summary", equalTo("Order placed: 1 line, 3 units"))
                .body("[1].orderId", equalTo(second.orderId().toString())));
    }

    @Test
    void wholeCycleShowsEveryStepInOrderWithDepartmentAndWhoActed() {
        UUID customer = register("Cycle Corp");
        UUID order = UUID.randomUUID();
        UUID cancelledOrder = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        UUID returnId = UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<ReturnLine> returned = List.of(new ReturnLine(1, SKU, BigDecimal.ONE));

        List<Event> cycle = List.of(
                placed(customer, order, new BigDecimal("5"), t),
                accepted(customer, order, new BigDecimal("5"), t.plusSeconds(1)),
                new OrderBackordered(UUID.randomUUID(), t.plusSeconds(2), order,
                        List.of(new ReservationLine(1, SKU, new BigDecimal("3"), new BigDecimal("2")))),
                placed(customer, cancelledOrder, BigDecimal.ONE, t.plusSeconds(3)),
                new OrderCancelled(UUID.randomUUID(), t.plusSeconds(4), cancelledOrder, "customer changed plans", "sam"),
                new StockReserved(UUID.randomUUID(), t.plusSeconds(5), order,
                        List.of(new ReservationLine(1, SKU, new BigDecimal("5"), BigDecimal.ZERO))),
                new ShipmentDispatched(UUID.randomUUID(), t.plusSeconds(6), shipment, order, customer,
                        List.of(new ShippedLine(1, SKU, new BigDecimal("2"))), "DHL", "JJD0001", "MAIN",
                        t.plusSeconds(6), "pete"),
                invoiceIssued(customer, order, invoice, "INV-2026-000001", "23.80", t.plusSeconds(7)),
                new PaymentReceived(UUID.randomUUID(), t.plusSeconds(8), UUID.randomUUID(), customer, eur("30.00"),
                        List.of(new Allocation(invoice, eur("23.80"))), "bianca"),
                new ReturnRequested(UUID.randomUUID(), t.plusSeconds(9), returnId, order, customer, returned,
                        "damaged in transit", "rita"),
                new ReturnAuthorized(UUID.randomUUID(), t.plusSeconds(9), returnId, order, customer, returned, null, null),
                new ReturnReceived(UUID.randomUUID(), t.plusSeconds(10), returnId, order,
                        List.of(new ReceivedLine(1, SKU, BigDecimal.ONE, ItemCondition.RESELLABLE)), "rita"),
                new RefundRequested(UUID.randomUUID(), t.plusSeconds(10), returnId, order, customer, eur("11.90"),
                        returned, null, null),
                new CreditNoteIssued(UUID.randomUUID(), t.plusSeconds(11), UUID.randomUUID(), "CN-2026-000001",
                        customer, invoice, returnId, order, eur("11.90")),
                new RefundPaid(UUID.randomUUID(), t.plusSeconds(12), UUID.randomUUID(), returnId, order, customer,
                        eur("11.90"), null),
                new ReturnClosed(UUID.randomUUID(), t.plusSeconds(13), returnId, order, "REFUNDED"));

        cycle.forEach(TopicClient::sendEvent);

        await().atMost(60, SECONDS).untilAsserted(() -> timeline(customer)
                .body("step", contains("ORDER_PLACED", "ORDER_ACCEPTED", "ORDER_BACKORDERED", "ORDER_PLACED",
                        "ORDER_CANCELLED", "STOCK_RESERVED", "SHIPMENT_DISPATCHED", "INVOICE_ISSUED",
                        "PAYMENT_RECEIVED", "RETURN_REQUESTED", "RETURN_AUTHORIZED", "RETURN_RECEIVED",
                        "REFUND_REQUESTED", "CREDIT_NOTE_ISSUED", "REFUND_PAID", "RETURN_CLOSED")));
        timeline(customer)
                .body("department", contains("sales", "sales", "production", "sales", "sales", "production",
                        "production", "billing", "billing", "returns", "returns", "returns", "returns", "billing",
                        "billing", "returns"))
                .body("by", contains("sam", "sales", "production", "sam", "sam", "production", "pete", "billing",
                        "bianca", "rita", "returns", "rita", "returns", "billing", "billing", "returns"))
                .body("orderId", contains(order.toString(), order.toString(), order.toString(),
                        cancelledOrder.toString(), cancelledOrder.toString(), order.toString(), order.toString(),
                        order.toString(), order.toString(), order.toString(), order.toString(), order.toString(),
                        order.toString(), order.toString(), order.toString(), order.toString()))
                .body("[0].occurredAt", equalTo(t.toString()))
                .body("summary", contains(
                        "Order placed: 1 line, 5 units",
                        "Order accepted automatically: 23.80 EUR gross, delivery promised for 2026-12-24",
                        "Backordered: 2 of line 1 missing, 3 units reserved",
                        "Order placed: 1 line, 1 unit",
                        "Order cancelled: customer changed plans",
                        "Stock reserved for the whole order: 5 units on 1 line",
                        "Shipped 2 of line 1 via DHL (tracking JJD0001)",
                        "Invoice INV-2026-000001 issued: 23.80 EUR, due 2026-12-31",
                        "Payment received: 23.80 EUR for invoice INV-2026-000001 (payment of 30.00 EUR)",
                        "Return requested: 1 of line 1 (damaged in transit)",
                        "Return authorized: 1 of line 1",
                        "Return received: 1 of line 1 RESELLABLE",
                        "Refund requested: 11.90 EUR for 1 of line 1",
                        "Credit note CN-2026-000001 issued: 11.90 EUR against invoice INV-2026-000001",
                        "Refund paid: 11.90 EUR",
                        "Return closed: REFUNDED"));
    }

    @Test
    void eventsWithoutCustomerBeforeTheirOrderWaitAndThenAppearOnce() {
        UUID customer = register("Early Stock Corp");
        UUID order = UUID.randomUUID();
        Instant t = Instant.now();
        StockReserved reserved = new StockReserved(UUID.randomUUID(), t.plusSeconds(2), order,
                List.of(new ReservationLine(1, SKU, new BigDecimal("4"), BigDecimal.ZERO)));
        ReturnReceived received = new ReturnReceived(UUID.randomUUID(), t.plusSeconds(3), UUID.randomUUID(), order,
                List.of(new ReceivedLine(1, SKU, BigDecimal.ONE, ItemCondition.SCRAP)), "rita");

        TopicClient.sendEvent(reserved);
        TopicClient.sendEvent(received);
        await().atMost(30, SECONDS).until(() -> parked(reserved.eventId()) == 1 && parked(received.eventId()) == 1);

        TopicClient.sendEvent(placed(customer, order, new BigDecimal("4"), t));
        TopicClient.sendEvent(accepted(customer, order, new BigDecimal("4"), t.plusSeconds(1)));

        await().atMost(30, SECONDS).untilAsserted(() -> timeline(customer)
                .body("step", contains("ORDER_PLACED", "ORDER_ACCEPTED", "STOCK_RESERVED", "RETURN_RECEIVED"))
                .body("orderId", everyItem(equalTo(order.toString())))
                .body("[3].by", equalTo("rita")));
        assertThat(parked(reserved.eventId()) + parked(received.eventId())).isZero();
    }

    @Test
    void paymentBeforeItsInvoiceWaitsAndThenAppearsOncePerOrder() {
        UUID customer = register("Early Payment Corp");
        UUID order = UUID.randomUUID();
        UUID otherOrder = UUID.randomUUID();
        UUID firstInvoice = UUID.randomUUID();
        UUID secondInvoice = UUID.randomUUID();
        UUID otherInvoice = UUID.randomUUID();
        Instant t = Instant.now();
        TopicClient.sendEvent(placed(customer, order, new BigDecimal("2"), t));
        TopicClient.sendEvent(placed(customer, otherOrder, BigDecimal.ONE, t.plusSeconds(1)));
        TopicClient.sendEvent(invoiceIssued(customer, order, firstInvoice, "INV-2026-000101", "11.90", t.plusSeconds(2)));
        await().atMost(30, SECONDS).untilAsserted(() -> timeline(customer).body("", hasSize(3)));
        // pays the order's two invoices and the other order's one; billing has issued only the first so far
        PaymentReceived payment = new PaymentReceived(UUID.randomUUID(), t.plusSeconds(5), UUID.randomUUID(),
                customer, eur("40.00"), List.of(new Allocation(firstInvoice, eur("11.90")),
                        new Allocation(secondInvoice, eur("11.90")), new Allocation(otherInvoice, eur("5.95"))),
                "bianca");

        TopicClient.sendEvent(payment);
        await().atMost(30, SECONDS).until(() -> parked(payment.eventId()) == 1);
        TopicClient.sendEvent(invoiceIssued(customer, order, secondInvoice, "INV-2026-000102", "11.90", t.plusSeconds(3)));
        TopicClient.sendEvent(invoiceIssued(customer, otherOrder, otherInvoice, "INV-2026-000103", "5.95", t.plusSeconds(4)));

        await().atMost(30, SECONDS).untilAsserted(() -> timeline(customer)
                .body("step", contains("ORDER_PLACED", "ORDER_PLACED", "INVOICE_ISSUED", "INVOICE_ISSUED",
                        "INVOICE_ISSUED", "PAYMENT_RECEIVED", "PAYMENT_RECEIVED")));
        timeline(customer)
                .body("[5].orderId", equalTo(order.toString()))
                .body("[5].by", equalTo("bianca"))
                .body("[5].summary", equalTo(
                        "Payment received: 23.80 EUR for invoices INV-2026-000101, INV-2026-000102 (payment of 40.00 EUR)"))
                .body("[6].orderId", equalTo(otherOrder.toString()))
                .body("[6].summary", equalTo("Payment received: 5.95 EUR for invoice INV-2026-000103 (payment of 40.00 EUR)"));
        assertThat(parked(payment.eventId())).isZero();
    }

    @Test
    void timelineOfAnUnknownOrganizationIsA404() {
        timelineResponse(UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
    }

    private static ValidatableResponse timeline(UUID customer) {
        return timelineResponse(customer).statusCode(200);
    }

    private static ValidatableResponse timelineResponse(UUID customer) {
        return given().auth().oauth2(CRM).get("/organizations/" + customer + "/timeline").then();
    }

    private static UUID register(String name) {
        String location = given().auth().oauth2(CRM).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\"}")
                .post("/organizations").then().statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static long parked(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from kit_parked_event where event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }

    private static OrderPlaced placed(UUID customer, UUID order, BigDecimal quantity, Instant at) {
        return new OrderPlaced(UUID.randomUUID(), at, order, customer,
                List.of(new OrderLine(1, SKU, quantity, null, null, null, null)), "EUR", null, Classification.EXTERNAL, "sam",
                null, null);
    }

    /** 5 × 4.00 EUR at 19 %: 23.80 EUR gross. */
    private static OrderAccepted accepted(UUID customer, UUID order, BigDecimal quantity, Instant at) {
        return new OrderAccepted(UUID.randomUUID(), at, order, customer,
                List.of(new OrderLine(1, SKU, quantity, eur("4.00"), BigDecimal.ZERO, new BigDecimal("19"), null)), "EUR",
                50, LocalDate.of(2026, 12, 24), "selection-policy", true, null, null, null);
    }

    private static InvoiceIssued invoiceIssued(UUID customer, UUID order, UUID invoice, String number, String gross,
            Instant at) {
        BigDecimal grossAmount = new BigDecimal(gross);
        BigDecimal net = grossAmount.divide(new BigDecimal("1.19"), 2, java.math.RoundingMode.HALF_UP);
        return new InvoiceIssued(UUID.randomUUID(), at, invoice, number, customer, List.of(order),
                List.of(UUID.randomUUID()), eur(net.toPlainString()), eur(grossAmount.subtract(net).toPlainString()),
                eur(gross), LocalDate.of(2026, 12, 31), "PDF");
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
