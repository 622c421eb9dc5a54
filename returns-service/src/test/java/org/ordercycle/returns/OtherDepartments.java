package org.ordercycle.returns;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.ordercycle.events.Address;
import org.ordercycle.events.Money;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.contact.Conditions;
import org.ordercycle.events.contact.CustomerKind;
import org.ordercycle.events.contact.CustomerRegistered;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.events.billing.RefundPaid;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.production.ShippedLine;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderAmended;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.returns.order.AgreedOrder;
import org.ordercycle.returns.order.Shipment;

/** Events as sales, production and billing publish them, and a look at what returns made of them. */
public final class OtherDepartments {

    private OtherDepartments() {
    }

    /** An agreed line in EUR. */
    public static OrderLine agreed(int lineNo, String sku, String quantity, String unitPrice, String discount,
            String taxRate) {
        return new OrderLine(lineNo, sku, new BigDecimal(quantity), new Money(new BigDecimal(unitPrice), "EUR"),
                new BigDecimal(discount), new BigDecimal(taxRate), null);
    }

    public static OrderAccepted accepted(UUID orderId, UUID customerId, OrderLine... lines) {
        return new OrderAccepted(UUID.randomUUID(), Instant.now(), orderId, customerId, List.of(lines), "EUR", 50,
                LocalDate.now().plusDays(7), "selection-policy", true, null, null, null);
    }

    /** An acceptance with what sales clarified and the criteria the customer checks on delivery. */
    public static OrderAccepted acceptedAsClarified(UUID orderId, UUID customerId, String summary,
            List<String> criteria, OrderLine... lines) {
        return new OrderAccepted(UUID.randomUUID(), Instant.now(), orderId, customerId, List.of(lines), "EUR", 50,
                LocalDate.now().plusDays(7), "selection-policy", true, null, summary, criteria);
    }

    public static OrderPlaced placed(UUID orderId, UUID customerId, String salesperson) {
        return new OrderPlaced(UUID.randomUUID(), Instant.now(), orderId, customerId,
                List.of(new OrderLine(1, "PUMP", BigDecimal.ONE, null, null, null, null)), "EUR", null,
                Classification.EXTERNAL, salesperson, null, null);
    }

    /** Sales' replacement order for goods of {@code originalOrderId}: every price 0.00. */
    public static OrderPlaced replacementPlaced(UUID orderId, UUID customerId, UUID originalOrderId) {
        return new OrderPlaced(UUID.randomUUID(), Instant.now(), orderId, customerId,
                List.of(new OrderLine(1, "SEAL", new BigDecimal("3"), null, null, null, null)), "EUR", null,
                Classification.EXTERNAL, "sally", null, originalOrderId);
    }

    public static CustomerRegistered customer(UUID customerId, String accountOwner) {
        return new CustomerRegistered(UUID.randomUUID(), Instant.now(), customerId, CustomerKind.ORGANIZATION,
                "Acme GmbH", Classification.EXTERNAL, "A", accountOwner,
                new Conditions(BigDecimal.ZERO, 30, null, "STANDARD"), "EUR",
                new Address("Hauptstr. 1", "10115", "Berlin", null, "DE"), "info@acme.example", null, null);
    }

    public static InvoiceIssued invoiced(UUID orderId, UUID customerId, String gross) {
        Money amount = new Money(new BigDecimal(gross), "EUR");
        return new InvoiceIssued(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "INV-2026-000001", customerId,
                List.of(orderId), List.of(UUID.randomUUID()), amount, new Money(BigDecimal.ZERO.setScale(2), "EUR"),
                amount, LocalDate.now().plusDays(30), "PDF");
    }

    public static OrderAmended amended(UUID orderId, UUID customerId, OrderLine... lines) {
        return new OrderAmended(UUID.randomUUID(), Instant.now(), orderId, customerId, List.of(lines), "EUR",
                LocalDate.now().plusDays(7), "customer asked", "sam");
    }

    public static ShippedLine shippedLine(int lineNo, String sku, String quantity) {
        return new ShippedLine(lineNo, sku, new BigDecimal(quantity));
    }

    public static ShipmentDispatched shipped(UUID orderId, UUID customerId, ShippedLine... lines) {
        return new ShipmentDispatched(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), orderId, customerId,
                List.of(lines), "DHL", "TRACK-1", "MAIN", Instant.now(), "pat");
    }

    /** A shipment that left the warehouse so many days ago. */
    public static ShipmentDispatched shippedDaysAgo(long days, UUID orderId, UUID customerId, ShippedLine... lines) {
        Instant then = Instant.now().minus(Duration.ofDays(days));
        return new ShipmentDispatched(UUID.randomUUID(), then, UUID.randomUUID(), orderId, customerId,
                List.of(lines), "DHL", "TRACK-1", "MAIN", then, "pat");
    }

    public static ShipmentDelivered delivered(ShipmentDispatched shipment, long daysAgo) {
        Instant then = Instant.now().minus(Duration.ofDays(daysAgo));
        return new ShipmentDelivered(UUID.randomUUID(), then, shipment.shipmentId(), shipment.orderId(), then);
    }

    public static RefundPaid refundPaid(UUID returnId, UUID orderId, UUID customerId, String amount) {
        return new RefundPaid(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), returnId, orderId, customerId,
                new Money(new BigDecimal(amount), "EUR"), null);
    }

    /** Sends the acceptance and the shipments, and waits until returns holds all of them. */
    public static void acceptAndShip(OrderAccepted acceptance, ShipmentDispatched... shipments) {
        TopicClient.sendEvent(acceptance);
        for (ShipmentDispatched shipment : shipments) {
            TopicClient.sendEvent(shipment);
        }
        awaitAgreed(acceptance.orderId(), order -> true);
        awaitShipments(acceptance.orderId(), shipments.length);
    }

    public static AgreedOrder awaitAgreed(UUID orderId, Predicate<AgreedOrder> expected) {
        return await().atMost(30, SECONDS).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            AgreedOrder order = AgreedOrder.findById(orderId);
            if (order != null) {
                order.lines.size(); // read while the session is open
            }
            return order;
        }), order -> order != null && expected.test(order));
    }

    public static void awaitShipments(UUID orderId, long count) {
        await().atMost(30, SECONDS).until(
                () -> QuarkusTransaction.requiringNew().call(() -> Shipment.count("orderId", orderId)),
                held -> held == count);
    }
}
