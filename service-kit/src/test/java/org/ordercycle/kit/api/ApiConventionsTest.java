package org.ordercycle.kit.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ordercycle.testinfra.OrderCycleTestResource;

@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(0)
class ApiConventionsTest {

    private static final String VALID = """
            {"name": "%s", "parts": [{"sku": "SKU-1", "quantity": 2}]}""";

    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "alice", roles = "sales")
    void createAnswers201WithLocation() {
        String name = uniqueName();
        post(VALID.formatted(name), null)
                .statusCode(201)
                .header("Location", containsString("/things/"))
                .body("name", equalTo(name))
                .body("parts", equalTo(1));
        assertThat(things(name)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "alice", roles = "sales")
    void sameIdempotencyKeyTwiceGivesTheSameResultOnce() {
        String name = uniqueName();
        String key = UUID.randomUUID().toString();

        var first = post(VALID.formatted(name), key).statusCode(201).contentType(ContentType.JSON).extract();
        var replayed = post(VALID.formatted(name), key)
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", equalTo(first.header("Location")))
                .header(IdempotentCreates.REPLAYED, equalTo("true"))
                .body("id", equalTo(first.path("id")))
                .body("name", equalTo(name))
                .extract();

        assertThat(replayed.asString()).isEqualTo(first.asString()); // the answer kept is the answer given

        assertThat(things(name)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "alice", roles = "sales")
    void sameIdempotencyKeyForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        post(VALID.formatted(uniqueName()), key).statusCode(201);
        String other = uniqueName();

        problem(post(VALID.formatted(other), key), 422).body("detail", containsString(key));
        assertThat(things(other)).isZero();
    }

    @Test
    @TestSecurity(user = "alice", roles = "sales")
    void aRetryWhoseCreationNowFailsGetsTheFirstAnswer() {
        String name = uniqueName();
        String key = UUID.randomUUID().toString();
        var first = post(VALID.formatted(name), key).statusCode(201).extract();

        // the retry's own attempt finds the name taken (by the first): the first answer counts, not that 409
        post(VALID.formatted(name), key).statusCode(201)
                .header(IdempotentCreates.REPLAYED, equalTo("true"))
                .body("id", equalTo(first.path("id")));
        problem(post(VALID.formatted(name), UUID.randomUUID().toString()), 409); // another key: the 409 it is
        assertThat(things(name)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "alice", roles = "sales")
    void concurrentRequestsWithOneKeyCreateOnceAndAllGetThatAnswer() throws Exception {
        String name = uniqueName();
        String key = UUID.randomUUID().toString();
        int requests = 6;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(VALID.formatted(name), key).extract();
                }));
            }
            start.countDown();
            Set<String> locations = new HashSet<>();
            int replayed = 0;
            for (Future<ExtractableResponse<Response>> answer : answers) {
                ExtractableResponse<Response> response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
                locations.add(response.header("Location"));
                replayed += "true".equals(response.header(IdempotentCreates.REPLAYED)) ? 1 : 0;
            }
            assertThat(locations).hasSize(1);
            assertThat(replayed).isEqualTo(requests - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(things(name)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "alice", roles = "sales")
    void overlongIdempotencyKeyIsABadRequest() {
        String name = uniqueName();
        problem(post(VALID.formatted(name), "k".repeat(256)), 400).body("violations.field", hasItem("Idempotency-Key"));
        assertThat(things(name)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing name        | {\"parts\": [{\"sku\": \"S\", \"quantity\": 1}]}                     | name",
        "overlong name       | {\"name\": \"NNNNNNNNNNNNNNNNNNNNNNNNN\", \"parts\": [{\"sku\": \"S\", \"quantity\": 1}]} | name",
        "negative quantity   | {\"name\": \"NAME\", \"parts\": [{\"sku\": \"S\", \"quantity\": -1}]} | parts[0].quantity",
        "no parts            | {\"name\": \"NAME\", \"parts\": []}                                     | parts",
        "unknown field       | {\"name\": \"NAME\", \"color\": \"red\", \"parts\": [{\"sku\": \"S\", \"quantity\": 1}]} | color",
        "wrong type          | {\"name\": \"NAME\", \"parts\": [{\"sku\": \"S\", \"quantity\": \"lots\"}]} | parts[0].quantity",
        "object for array    | {\"name\": \"NAME\", \"parts\": {\"sku\": \"S\"}}                      | parts",
    })
    @TestSecurity(user = "alice", roles = "sales")
    void badInputIsA400NamingTheFieldAndWritesNothing(String description, String body, String field) {
        String name = uniqueName();
        problem(post(body.replace("NAME", name), null), 400)
                .body("violations.field", hasItem(field))
                .body("detail", containsString(field));
        assertThat(things(name)).isZero();
    }

    @Test
    @TestSecurity(user = "alice", roles = "sales")
    void malformedJsonIsA400() {
        problem(post("{\"name\": ", null), 400).body("detail", startsWith("the request body"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "sales")
    void brokenBusinessRuleIsA422AndWritesNothing() {
        problem(post(VALID.formatted("forbidden"), UUID.randomUUID().toString()), 422)
                .body("title", equalTo("Forbidden name"));
        assertThat(things("forbidden")).isZero();
    }

    @Test
    @TestSecurity(user = "alice", roles = "sales")
    void missingResourceAndUnknownPathAre404Problems() {
        UUID id = UUID.randomUUID();
        problem(given().get("/things/" + id).then(), 404).body("detail", containsString(id.toString()));
        problem(given().get("/no-such-thing").then(), 404);
    }

    @Test
    @TestSecurity(user = "alice", roles = "sales")
    void unexpectedErrorIsA500WithoutInternals() {
        problem(given().get("/things/boom").then(), 500)
                .body("detail", not(containsString("secret")))
                .body("detail", containsString("logged as"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "sales")
    void aDeadlockIsA503ToRetryNotA500() {
        problem(given().get("/things/deadlock").then(), 503)
                .header("Retry-After", "1")
                .body("detail", containsString("send the same request again"));
    }

    @Test
    void missingTokenIsA401Problem() {
        String name = uniqueName();
        problem(post(VALID.formatted(name), null), 401).header("WWW-Authenticate", startsWith("Bearer"));
        problem(given().get("/unannotated").then(), 401);
        assertThat(things(name)).isZero();
    }

    @Test
    @TestSecurity(user = "bob", roles = "billing")
    void wrongRoleIsA403Problem() {
        String name = uniqueName();
        problem(post(VALID.formatted(name), null), 403);
        assertThat(things(name)).isZero();
    }

    @Test
    @TestSecurity(user = "alice", roles = "sales")
    void endpointWithoutRoleAnnotationIsDenied() {
        problem(given().get("/unannotated").then(), 403);
    }

    private static ValidatableResponse post(String body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header(IdempotentCreates.HEADER, idempotencyKey);
        }
        return request.post("/things").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("title", not(equalTo(null)))
                .body("detail", not(equalTo(null)));
    }

    private long things(String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*) from test_thing where name = ?")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uniqueName() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }
}
