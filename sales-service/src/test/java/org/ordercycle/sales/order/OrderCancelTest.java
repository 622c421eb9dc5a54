package org.ordercycle.sales.order;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.ordercycle.sales.ContactEvents.knownCustomer;
import static org.ordercycle.sales.SalesApi.PRODUCTION;
import static org.ordercycle.sales.SalesApi.SALES;
import static org.ordercycle.sales.SalesApi.getOrder;
import static org.ordercycle.sales.SalesApi.newSku;
import static org.ordercycle.sales.SalesApi.placeOrder;
import static org.ordercycle.sales.SalesApi.priced;
import static org.ordercycle.sales.order.CycleEvents.shipment;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.production.ShippedLine;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.sales.SalesTestResource;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class OrderCancelTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void cancelledOrderIsPublishedWithWhoAndWhyAndCannotBeCancelledTwice() throws Exception {
        UUID customer = knownCustomer();
        String order = order(customer);

        cancel(order, "{\"reason\": \"customer changed its mind\"}")
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        cancel(order, "{\"reason\": \"again\"}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(order));

        List<ConsumerRecord<String, String>> records = await().atMost(30, SECONDS)
                .until(() -> TopicClient.readAll("sales.orders").stream().filter(r -> order.equals(r.key())).toList(),
                        found -> found.size() >= 3);
        assertThat(records).extracting(r -> TopicClient.header(r, "ce_type"))
                .containsExactly("OrderPlaced", "OrderAccepted", "OrderCancelled");
        OrderCancelled cancelled = EventJson.mapper().readValue(records.get(2).value(), OrderCancelled.class);
        assertThat(cancelled.by()).isEqualTo("sam");
        assertThat(cancelled.reason()).isEqualTo("customer changed its mind");
        given().auth().oauth2(SALES).get("/orders/" + order + "/timeline").then()
                .body("step[2]", equalTo("ORDER_CANCELLED"))
                .body("by[2]", equalTo("sam"));
    }

    @Test
    void orderCannotBeCancelledOnceSalesHasSeenAShipmentOfIt() {
        UUID customer = knownCustomer();
        String order = order(customer);
        TopicClient.sendEvent(shipment(UUID.fromString(order), customer, UUID.randomUUID(), Instant.now(), "pat",
                new ShippedLine(1, "any", BigDecimal.ONE)));
        await().atMost(30, SECONDS).until(
                () -> getOrder(order).extract().jsonPath().getString("status"), "PARTIALLY_SHIPPED"::equals);

        cancel(order, "{\"reason\": \"too late\"}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("shipped"));
        getOrder(order).body("status", equalTo("PARTIALLY_SHIPPED"));
    }

    /**
     * A cancellation that read the order while another transaction (an event's handler, say) was changing it: its
     * write finds another version of the row, everything rolls back, and the caller is told to send it again — a 503
     * with Retry-After, never a 500 (the fault suite's drivers met the 500). The retry cancels.
     */
    @Test
    void aCancellationCollidingWithAConcurrentChangeIsA503ToRetryAndChangesNothing() throws Exception {
        String order = order(knownCustomer());
        CompletableFuture<ValidatableResponse> collided;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement change = other.prepareStatement(
                    "update sales_order set version = version + 1 where id = ?")) {
                change.setObject(1, UUID.fromString(order));
                assertThat(change.executeUpdate()).isEqualTo(1);
            }
            collided = CompletableFuture.supplyAsync(() -> cancel(order, "{\"reason\": \"collides\"}"));
            await().atMost(30, SECONDS).until(() -> waitingForALock() > 0); // its write waits for the other's commit
            other.commit();
        }

        collided.get(30, SECONDS).statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("detail", containsString("send the same request again"));
        getOrder(order).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(SALES).get("/orders/" + order + "/timeline").then()
                .body("step", not(hasItem("ORDER_CANCELLED")));
        cancel(order, "{\"reason\": \"collides\"}").statusCode(200).body("status", equalTo("CANCELLED"));
    }

    private int waitingForALock() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet row = connection.createStatement().executeQuery("select count(*) from pg_stat_activity"
                        + " where wait_event_type = 'Lock' and datname = current_database()")) {
            row.next();
            return row.getInt(1);
        }
    }

    @Test
    void cancelWithoutAReasonIsFine() {
        String order = order(knownCustomer());
        cancel(order, "{}")
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void unknownOrderIsA404AndOverlongReasonA400() {
        UUID unknown = UUID.randomUUID();
        cancel(unknown.toString(), "{\"reason\": \"x\"}")
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(unknown.toString()));
        String order = order(knownCustomer());
        cancel(order, "{\"reason\": \"" + "x".repeat(501) + "\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("reason"));
        getOrder(order).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void productionCannotCancelOrders() {
        String order = order(knownCustomer());
        given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON).body("{}")
                .post("/orders/" + order + "/cancel").then()
                .statusCode(403)
                .contentType("application/problem+json");
        getOrder(order).body("status", equalTo("ACCEPTED"));
    }

    private static String order(UUID customer) {
        String sku = newSku("CANCEL");
        priced(sku, "2.00", "CHF", "8.1");
        return placeOrder("{\"customerId\": \"%s\", \"lines\": [{\"sku\": \"%s\", \"quantity\": 2}]}"
                .formatted(customer, sku)).statusCode(201).extract().jsonPath().getString("id");
    }

    private static ValidatableResponse cancel(String order, String json) {
        return given().auth().oauth2(SALES).contentType(ContentType.JSON).body(json)
                .post("/orders/" + order + "/cancel").then();
    }
}
