package org.ordercycle.kit.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordercycle.testinfra.OrderCycleTestResource;
import org.ordercycle.testinfra.TestInfra;

/**
 * A well-signed token is accepted only if it is meant for OrderCycle (audience {@code ordercycle}) and expires: a token
 * issued for another application of the company, or one that would be valid forever, is a 401 problem.
 */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(0)
class TokenRulesTest {

    @Test
    void tokenOfTheIssuerIsAccepted() {
        given().auth().oauth2(TestInfra.jwt().token("alice", Duration.ofMinutes(5), "sales"))
                .get("/things/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // no audience
            "{\"iss\":\"ordercycle\",\"upn\":\"alice\",\"groups\":[\"sales\"],\"iat\":%1$d,\"exp\":%2$d}",
            // another application's audience
            "{\"iss\":\"ordercycle\",\"aud\":\"payroll\",\"upn\":\"alice\",\"groups\":[\"sales\"],\"iat\":%1$d,\"exp\":%2$d}",
            // no expiry
            "{\"iss\":\"ordercycle\",\"aud\":\"ordercycle\",\"upn\":\"alice\",\"groups\":[\"sales\"],\"iat\":%1$d}"})
    void tokenWithoutOurAudienceOrWithoutExpiryIsA401Problem(String claims) {
        long now = Instant.now().getEpochSecond();
        String token = TestInfra.jwt().sign(claims.formatted(now, now + 300));

        given().auth().oauth2(token)
                .get("/things/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(401));
    }
}
