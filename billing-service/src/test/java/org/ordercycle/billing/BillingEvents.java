package org.ordercycle.billing;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ordercycle.billing.order.AcceptedOrder;
import org.ordercycle.events.Event;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.Address;
import org.ordercycle.events.Money;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.contact.Conditions;
import org.ordercycle.events.contact.CustomerKind;
import org.ordercycle.events.contact.CustomerRegistered;
import org.ordercycle.events.contact.CustomerChanged;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.production.ShippedLine;
import org.ordercycle.events.returns.RefundRequested;
import org.ordercycle.events.returns.ReturnLine;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.testinfra.TestInfra;

/** The other departments' events billing reacts to, and looks at what billing made of them. */
public final class BillingEvents {

    public static final String BILLING = TestInfra.jwt().token("bill", Duration.ofHours(1), "billing");

    /** Decimals read as BigDecimal, scale and all: an amount is right to the cent or it is wrong. */
    private static final RestAssuredConfig EXACT = RestAssured.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private BillingEvents() {
    }

    public static CustomerRegistered customer(UUID customerId, int paymentTermDays) {
        return new CustomerRegistered(UUID.randomUUID(), Instant.now(), customerId, CustomerKind.ORGANIZATION,
                "Customer " + customerId, Classification.EXTERNAL, "A", null,
                new Conditions(BigDecimal.ZERO, paymentTermDays, null, "STANDARD"), "EUR", null, null, null, null);
    }

    /** A customer with all billing reads: classification, VAT id, billing address and e-mail. */
    public static CustomerRegistered customer(UUID customerId, int paymentTermDays, Classification classification,
            String vatId, Address address, String email) {
        return new CustomerRegistered(UUID.randomUUID(), Instant.now(), customerId, CustomerKind.ORGANIZATION,
                "Customer " + customerId, classification, "A", null,
                new Conditions(BigDecimal.ZERO, paymentTermDays, null, "STANDARD"), "EUR", address, email, null, vatId);
    }

    public static CustomerChanged customerChanged(UUID customerId, String name, int paymentTermDays, Address address,
            String email, String phone) {
        return new CustomerChanged(UUID.randomUUID(), Instant.now(), customerId, CustomerKind.ORGANIZATION, name,
                Classification.EXTERNAL, "A", null, new Conditions(BigDecimal.ZERO, paymentTermDays, null, "STANDARD"),
                "EUR", address, email, phone, null);
    }

    /** Sends the registration and waits until billing knows the customer. */
    public static UUID knownCustomer(CustomerRegistered registration) {
        TopicClient.sendEvent(registration);
        await().atMost(30, SECONDS).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> org.ordercycle.billing.customer.Customer.findById(registration.customerId()) != null));
        return registration.customerId();
    }

    /** An agreed line with an EN 16931 tax category. */
    public static OrderLine taxedLine(int lineNo, String quantity, String unitPrice, String taxRate, String taxCategory) {
        return new OrderLine(lineNo, "SKU-" + lineNo, new BigDecimal(quantity),
                new Money(new BigDecimal(unitPrice), "EUR"), BigDecimal.ZERO, new BigDecimal(taxRate), taxCategory);
    }

    /** The shipment as if it had left at {@code shippedAt}. */
    public static ShipmentDispatched shippedAt(ShipmentDispatched shipment, Instant shippedAt) {
        return new ShipmentDispatched(shipment.eventId(), shipment.occurredAt(), shipment.shipmentId(),
                shipment.orderId(), shipment.customerId(), shipment.lines(), shipment.carrier(), shipment.trackingNo(),
                shipment.shippedFrom(), shippedAt, shipment.by());
    }

    public static CustomerChanged customerChanged(UUID customerId, int paymentTermDays) {
        return new CustomerChanged(UUID.randomUUID(), Instant.now(), customerId, CustomerKind.ORGANIZATION,
                "Customer " + customerId, Classification.EXTERNAL, "A", null,
                new Conditions(BigDecimal.ZERO, paymentTermDays, null, "STANDARD"), "EUR", null, null, null, null);
    }

    /** An agreed line: quantity, unit price (EUR), discount percent, tax rate. */
    public static OrderLine line(int lineNo, String quantity, String unitPrice, String discount, String taxRate) {
        return new OrderLine(lineNo, "SKU-" + lineNo, new BigDecimal(quantity), new Money(new BigDecimal(unitPrice), "EUR"),
                new BigDecimal(discount), new BigDecimal(taxRate), null);
    }

    public static OrderAccepted accepted(UUID orderId, UUID customerId, OrderLine... lines) {
        return new OrderAccepted(UUID.randomUUID(), Instant.now(), orderId, customerId, List.of(lines), "EUR", 50,
                LocalDate.now().plusDays(7), "selection-policy", true, null, null, null);
    }

    /** A shipment of (lineNo, quantity) pairs: {@code shipment(order, customer, 1, "4", 2, "1")}. */
    public static ShipmentDispatched shipment(UUID orderId, UUID customerId, Object... lineQuantities) {
        List<ShippedLine> lines = Stream.iterate(0, i -> i < lineQuantities.length, i -> i + 2)
                .map(i -> new ShippedLine((Integer) lineQuantities[i], "SKU-" + lineQuantities[i],
                        new BigDecimal((String) lineQuantities[i + 1])))
                .toList();
        return new ShipmentDispatched(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), orderId, customerId, lines,
                "DHL", "TRACK-1", "MAIN", Instant.now(), "pat");
    }

    /** The same shipment as another event: a replay, or a producer that sent it twice. */
    public static ShipmentDispatched again(ShipmentDispatched shipment) {
        return new ShipmentDispatched(UUID.randomUUID(), Instant.now(), shipment.shipmentId(), shipment.orderId(),
                shipment.customerId(), shipment.lines(), shipment.carrier(), shipment.trackingNo(),
                shipment.shippedFrom(), shipment.shippedAt(), shipment.by());
    }

    public static RefundRequested refundRequested(UUID returnId, UUID orderId, UUID customerId, String amount,
            Object... lineQuantities) {
        List<ReturnLine> lines = Stream.iterate(0, i -> i < lineQuantities.length, i -> i + 2)
                .map(i -> new ReturnLine((Integer) lineQuantities[i], "SKU-" + lineQuantities[i],
                        new BigDecimal((String) lineQuantities[i + 1])))
                .toList();
        return new RefundRequested(UUID.randomUUID(), Instant.now(), returnId, orderId, customerId,
                new Money(new BigDecimal(amount), "EUR"), lines, null, null);
    }

    /** A refund request with a settlement (REFUND / CREDIT) and a reason. */
    public static RefundRequested refundRequested(UUID returnId, UUID orderId, UUID customerId, String amount,
            String settlement, String reason, Object... lineQuantities) {
        RefundRequested plain = refundRequested(returnId, orderId, customerId, amount, lineQuantities);
        return new RefundRequested(plain.eventId(), plain.occurredAt(), returnId, orderId, customerId, plain.amount(),
                plain.lines(), settlement, reason);
    }

    public static RefundRequested again(RefundRequested request) {
        return new RefundRequested(UUID.randomUUID(), Instant.now(), request.returnId(), request.orderId(),
                request.customerId(), request.amount(), request.lines(), request.settlement(), request.reason());
    }

    public static void send(Event... events) {
        for (Event event : events) {
            TopicClient.sendEvent(event);
        }
    }

    /** Sends the acceptance and waits until billing holds the order. */
    public static void acceptedOrder(OrderAccepted acceptance) {
        TopicClient.sendEvent(acceptance);
        await().atMost(30, SECONDS).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> AcceptedOrder.findById(acceptance.orderId()) != null));
    }

    /** Sends the registration and waits until billing knows the customer. */
    public static UUID knownCustomer(int paymentTermDays) {
        UUID id = UUID.randomUUID();
        TopicClient.sendEvent(customer(id, paymentTermDays));
        await().atMost(30, SECONDS).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> org.ordercycle.billing.customer.Customer.findById(id) != null));
        return id;
    }

    /** Waits until the service has applied (or parked) every one of the events. */
    public static void awaitHandled(Event... events) {
        for (Event event : events) {
            await().atMost(30, SECONDS).until(() -> handled(event.eventId()));
        }
    }

    /** A request to billing's API as user {@code bill} with role billing. */
    public static RequestSpecification api() {
        return given().config(EXACT).auth().oauth2(BILLING);
    }

    public static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    /** The customer's invoices through the API, by number. */
    public static JsonPath invoicesOf(UUID customerId) {
        return api().queryParam("customerId", customerId).get("/invoices")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the customer has this many invoices and returns them. */
    public static JsonPath awaitInvoices(UUID customerId, int count) {
        return await().atMost(30, SECONDS).until(() -> invoicesOf(customerId),
                invoices -> invoices.getList("$").size() >= count);
    }

    /** Whether the service has applied (or parked) the event with this id. */
    public static boolean handled(UUID eventId) {
        return count("select count(*) from kit_inbox where event_id = ?1", eventId) > 0;
    }

    public static boolean parked(UUID eventId) {
        return count("select count(*) from kit_parked_event where event_id = ?1", eventId) > 0;
    }

    /** The reason the event was dead-lettered with, or null while it is not. */
    public static String deadLetterReason(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> reasons = entityManager().createNativeQuery(
                            "select coalesce(exception, '') || ' ' || reason from kit_dead_letter where event_id = ?1")
                    .setParameter(1, eventId).getResultList();
            return reasons.isEmpty() ? null : (String) reasons.get(0);
        });
    }

    public static long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** The events billing published on the topic under this key, in the order published. */
    public static <T extends Event> List<T> published(String topic, UUID key, Class<T> type) {
        List<ConsumerRecord<String, String>> records = TopicClient.readAll(topic);
        return records.stream()
                .filter(record -> key.toString().equals(record.key()))
                .filter(record -> type.getSimpleName().equals(TopicClient.header(record, "ce_type")))
                .map(record -> read(record.value(), type))
                .toList();
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static EntityManager entityManager() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
