package org.ordercycle.systemtests;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ordercycle.launcher.Department;
import org.ordercycle.launcher.ServiceProcess;
import org.ordercycle.launcher.Suite;

/**
 * The thin slice across real processes: the CRM registers a customer, sales learns of it and takes an order,
 * production and the CRM's timeline see the order — also when sales is killed while its orders still wait in its
 * outbox.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderSliceIT {

    private static Suite suite;
    private static String crm;
    private static String sales;
    private static String production;

    @BeforeAll
    static void startSuite() {
        suite = SharedSuite.get();
        crm = SharedSuite.token("carla", "crm");
        sales = SharedSuite.token("sam", "sales");
        production = SharedSuite.token("pete", "production");
        // Sales prices every order: the slice's product needs a product in production and a price in sales.
        CycleApi cycle = CycleApi.onSharedSuite();
        cycle.defineProduct("WIDGET-1", "Widget", "3.00", 7);
        cycle.setPrice("WIDGET-1", "12.50", "19");
    }

    @Test
    @Order(1)
    void registeredCustomerOrdersReachProductionAndTheTimeline() {
        UUID stranger = UUID.randomUUID();
        placeOrder(stranger, UUID.randomUUID().toString()).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString(stranger.toString()));

        UUID customer = registerOrganization("Slice Industries");
        List<Integer> answers = new ArrayList<>();
        UUID order = placeOrderOnceSalesKnows(customer, answers);
        System.out.println("Sales answered " + answers + " while learning of the customer");
        assertThat(answers).last().isEqualTo(201);
        assertThat(answers).allMatch(status -> status == 201 || status == 422);

        awaitInProduction(order, customer);
        awaitOnTimeline(customer, order);
    }

    /**
     * Sales is killed (kill -9) while orders it accepted still wait in its outbox, the broker being down: once the
     * broker and sales are back, every order reaches production and the CRM's timeline, each exactly once.
     */
    @Test
    @Order(2)
    void ordersWaitingInTheOutboxOfAKilledSalesServiceAreNotLost() {
        UUID customer = registerOrganization("Resilient Ltd");
        UUID first = placeOrderOnceSalesKnows(customer, new ArrayList<>());
        awaitInProduction(first, customer);

        ServiceProcess salesService = suite.service(Department.SALES);
        long oldPid = salesService.pid();
        List<UUID> waiting = new ArrayList<>();
        suite.kafka().stop();
        try {
            for (int i = 0; i < 5; i++) {
                Response placed = placeOrder(customer, UUID.randomUUID().toString());
                placed.then().statusCode(201);
                waiting.add(UUID.fromString(placed.path("id")));
            }
            await().atMost(60, SECONDS).until(() -> outboxBacklog(salesService) >= waiting.size());
            salesService.kill();
            assertThat(salesService.isAlive()).isFalse();
        } finally {
            suite.kafka().start();
        }
        salesService.start();
        salesService.awaitReady(Duration.ofMinutes(2));
        assertThat(salesService.pid()).isNotEqualTo(oldPid);

        for (UUID order : waiting) {
            awaitInProduction(order, customer);
        }
        List<UUID> orders = new ArrayList<>(waiting);
        orders.add(first);
        for (UUID order : orders) {
            awaitOnTimeline(customer, order);
        }
        List<String> onTimeline = given().baseUri(url(Department.CONTACT)).auth().oauth2(crm)
                .get("/organizations/" + customer + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.step == 'ORDER_PLACED' }.orderId", String.class);
        assertThat(onTimeline).as("orders placed on the timeline, each once")
                .containsExactlyInAnyOrderElementsOf(orders.stream().map(UUID::toString).toList());
    }

    /** The service's {@code ordercycle_outbox_backlog} gauge: events committed and not yet acknowledged by the broker. */
    private static double outboxBacklog(ServiceProcess service) {
        String metrics = given().baseUri(service.managementUrl()).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("ordercycle_outbox_backlog"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static UUID registerOrganization(String name) {
        String location = given().baseUri(url(Department.CONTACT)).auth().oauth2(crm)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"tier\": \"A\", \"accountOwner\": \"sam\"}")
                .post("/organizations").then().statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Retries with one Idempotency-Key until sales knows the customer: 422s leave no trace, the 201 happens once. */
    private static UUID placeOrderOnceSalesKnows(UUID customer, List<Integer> answers) {
        String key = UUID.randomUUID().toString();
        Response[] created = new Response[1];
        await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response response = placeOrder(customer, key);
            answers.add(response.statusCode());
            created[0] = response;
            return response.statusCode() == 201;
        });
        return UUID.fromString(created[0].path("id"));
    }

    private static Response placeOrder(UUID customer, String idempotencyKey) {
        return given().baseUri(url(Department.SALES)).auth().oauth2(sales)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON)
                .body("{\"customerId\": \"" + customer + "\", \"lines\": [{\"sku\": \"WIDGET-1\", \"quantity\": 4}]}")
                .post("/orders");
    }

    private static void awaitInProduction(UUID order, UUID customer) {
        await().atMost(60, SECONDS).untilAsserted(() -> given().baseUri(url(Department.PRODUCTION))
                .auth().oauth2(production).get("/orders/" + order).then()
                .statusCode(200)
                .body("customerId", equalTo(customer.toString())));
    }

    private static void awaitOnTimeline(UUID customer, UUID order) {
        await().atMost(60, SECONDS).untilAsserted(() -> given().baseUri(url(Department.CONTACT))
                .auth().oauth2(crm).get("/organizations/" + customer + "/timeline").then()
                .statusCode(200)
                .body("orderId", hasItem(order.toString())));
    }

    private static String url(Department department) {
        return suite.service(department).url();
    }
}
