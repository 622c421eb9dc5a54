package org.ordercycle.sales.credit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.ordercycle.sales.ContactEvents.knownCustomer;
import static org.ordercycle.sales.ProductionEvents.chf;
import static org.ordercycle.sales.SalesApi.MANAGER;
import static org.ordercycle.sales.SalesApi.SALES;
import static org.ordercycle.sales.SalesApi.as;
import static org.ordercycle.sales.SalesApi.decimal;
import static org.ordercycle.sales.SalesApi.newSku;
import static org.ordercycle.sales.SalesApi.placeOrder;
import static org.ordercycle.sales.SalesApi.priced;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.billing.Allocation;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.events.billing.PaymentReceived;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderOnHold;
import org.ordercycle.events.sales.OrderReleased;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.sales.ContactEvents.Profile;
import org.ordercycle.sales.SalesEvents;
import org.ordercycle.sales.SalesTestResource;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class CreditHoldTest {

    /** 10.00 CHF a unit at 0 % VAT: an order of n units is n × 10.00 gross. */
    private static String sku() {
        String sku = newSku("CREDIT");
        priced(sku, "10.00", "CHF", "0");
        return sku;
    }

    private static String order(UUID customer, String sku, int quantity) {
        return "{\"customerId\": \"%s\", \"lines\": [{\"sku\": \"%s\", \"quantity\": %d}]}"
                .formatted(customer, sku, quantity);
    }

    private static void invoiced(UUID customer, UUID invoice, String gross) {
        TopicClient.sendEvent(new InvoiceIssued(UUID.randomUUID(), Instant.now(), invoice, "INV-T-" + invoice,
                customer, List.of(UUID.randomUUID()), List.of(UUID.randomUUID()), chf(gross), chf("0.00"), chf(gross),
                LocalDate.now().plusDays(30), "PDF"));
    }

    private static void awaitOpen(UUID customer, String amount) {
        await().atMost(30, SECONDS).untilAsserted(() -> as(SALES).get("/customers/" + customer + "/credit").then()
                .statusCode(200).body("openAmount.amount", decimal(amount)));
    }

    @Test
    void orderOverTheCreditLimitIsHeldUntilAManagerReleasesItAndThenThePolicyAcceptsIt() {
        String sku = sku();
        UUID customer = knownCustomer(Profile.external().creditLimit("100.00"));
        invoiced(customer, UUID.randomUUID(), "80.00");
        awaitOpen(customer, "80.00");

        String id = placeOrder(order(customer, sku, 3)).statusCode(201)
                .body("status", equalTo("ON_HOLD"))
                .body("decision.holdReason", equalTo("credit limit exceeded: open 80.00 CHF + this order 30.00 CHF "
                        + "= 110.00 CHF > limit 100.00 CHF"))
                .extract().jsonPath().getString("id");
        OrderOnHold held = SalesEvents.awaitPublished("sales.orders", id, OrderOnHold.class).get(0);
        assertThat(held.reason()).contains("credit limit exceeded");
        assertThat(held.by()).isEqualTo("system");
        assertThat(SalesEvents.published("sales.orders", id, OrderAccepted.class)).isEmpty();
        as(SALES).get("/orders/decisions").then().body("id", hasItem(id));

        as(SALES).body("{}").post("/orders/" + id + "/release").then().statusCode(403);
        as(MANAGER).body("{\"reason\": \"x\"}").post("/orders/" + id + "/accept").then().statusCode(409)
                .body("detail", containsString("release it first"));
        as(MANAGER).body("{\"reason\": \"paid by wire today\"}").post("/orders/" + id + "/release").then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));

        OrderReleased released = SalesEvents.awaitPublished("sales.orders", id, OrderReleased.class).get(0);
        assertThat(released.by()).isEqualTo("meg");
        assertThat(released.reason()).isEqualTo("paid by wire today");
        await().atMost(30, SECONDS).until(() -> !SalesEvents.published("sales.orders", id, OrderAccepted.class)
                .isEmpty());
        assertThat(SalesEvents.types("sales.orders", id))
                .containsExactly("OrderPlaced", "OrderOnHold", "OrderReleased", "OrderAccepted");
        as(SALES).get("/orders/" + id + "/decisions").then()
                .body("decision", equalTo(List.of("HELD", "RELEASED", "ACCEPTED")));
        as(MANAGER).body("{}").post("/orders/" + id + "/release").then().statusCode(409);
    }

    @Test
    void paymentsLowerTheOpenAmountSoTheNextOrderFits() {
        String sku = sku();
        UUID customer = knownCustomer(Profile.external().creditLimit("100.00"));
        UUID invoice = UUID.randomUUID();
        invoiced(customer, invoice, "80.00");
        awaitOpen(customer, "80.00");
        TopicClient.sendEvent(new PaymentReceived(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), customer,
                chf("50.00"), List.of(new Allocation(invoice, chf("50.00"))), null));
        awaitOpen(customer, "30.00");

        placeOrder(order(customer, sku, 7)).statusCode(201).body("status", equalTo("ACCEPTED"));
        as(SALES).get("/customers/" + customer + "/credit").then()
                .body("creditLimit.amount", decimal("100.00"))
                .body("available.amount", decimal("70.00"));
    }

    @Test
    void heldOrderCanBeDeclinedAndACustomerWithoutLimitIsNeverHeld() {
        String sku = sku();
        UUID limited = knownCustomer(Profile.external().creditLimit("5.00"));
        String id = placeOrder(order(limited, sku, 1)).statusCode(201).body("status", equalTo("ON_HOLD"))
                .extract().jsonPath().getString("id");
        as(MANAGER).body("{\"reason\": \"no prepayment\"}").post("/orders/" + id + "/decline").then()
                .statusCode(200).body("status", equalTo("DECLINED"));

        UUID unlimited = knownCustomer(Profile.external());
        invoiced(unlimited, UUID.randomUUID(), "1000000.00");
        awaitOpen(unlimited, "1000000.00");
        placeOrder(order(unlimited, sku, 1000)).statusCode(201).body("status", equalTo("ACCEPTED"));
        as(SALES).get("/customers/" + UUID.randomUUID() + "/credit").then().statusCode(404);
    }
}
