package org.ordercycle.kit.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.testinfra.TestInfra;

/**
 * Walks every operation of the service's own OpenAPI document: without a token each answers 401, with a valid
 * token of a role no endpoint admits each answers 403, both as problem+json. A service's test extends it:
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(OrderCycleTestResource.class)
 * class ContactSecurityTest extends SecuredApiContract {
 * }
 * }</pre>
 *
 * Every endpoint a later issue adds is covered without a line of test code.
 */
public abstract class SecuredApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** One operation of the document, with its path parameters filled in. */
    public record Operation(String method, String path) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    @Test
    void everyOperationWithoutATokenIsA401Problem() {
        for (Operation operation : operations()) {
            call(given(), operation)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("status", equalTo(401));
        }
    }

    @Test
    void everyOperationWithAWrongRoleIsA403Problem() {
        String token = TestInfra.jwt().token("intruder", Duration.ofMinutes(5), "no-department");
        for (Operation operation : operations()) {
            call(given().auth().oauth2(token), operation)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
    }

    @Test
    void documentOffersBearerTokensAndRequiresThemEverywhere() {
        JsonPath document = openApi();
        Map<String, Map<String, Object>> schemes = document.getMap("components.securitySchemes");
        assertThat(schemes).as("security schemes").isNotEmpty();
        assertThat(schemes.values()).anySatisfy(scheme -> {
            assertThat(scheme.get("type")).isEqualTo("http");
            assertThat(scheme.get("scheme")).isEqualTo("bearer");
        });
        for (Operation operation : operations()) {
            List<Object> security = document.getList("paths.'" + operation.path() + "'." + operation.method() + ".security");
            assertThat(security).as("security of " + operation).isNotEmpty();
        }
    }

    /**
     * A client generated from the document reads well: every operation has its own verb-first camelCase
     * {@code operationId} ({@code placeOrder}, never the generated {@code ordersPost}), a summary and a tag.
     */
    @Test
    void everyOperationIsNamedSummarizedAndTagged() {
        JsonPath document = openApi();
        Set<String> ids = new HashSet<>();
        for (Operation operation : operations()) {
            String at = "paths.'" + operation.path() + "'." + operation.method();
            String id = document.getString(at + ".operationId");
            assertThat(id).as("operationId of " + operation).isNotBlank().matches("[a-z][a-zA-Z0-9]*")
                    .doesNotEndWith("Get").doesNotEndWith("Post").doesNotEndWith("Put").doesNotEndWith("Delete");
            assertThat(ids.add(id)).as("operationId " + id + " used once").isTrue();
            assertThat(document.getString(at + ".summary")).as("summary of " + operation).isNotBlank();
            assertThat(document.getList(at + ".tags", String.class)).as("tags of " + operation).isNotEmpty();
        }
    }

    /**
     * Every operation the service documents. Never empty: every service has at least the kit's operator endpoints,
     * so an empty walk means the document was not read, and the contract would prove nothing.
     */
    protected List<Operation> operations() {
        Map<String, Map<String, Object>> paths = openApi().getMap("paths");
        List<Operation> operations = new ArrayList<>();
        if (paths != null) {
            paths.forEach((path, methods) -> methods.keySet().stream()
                    .filter(METHODS::contains)
                    .forEach(method -> operations.add(new Operation(method, path))));
        }
        assertThat(operations).as("operations in the OpenAPI document").isNotEmpty();
        assertThat(operations).as("the kit's operator endpoints")
                .contains(new Operation("get", "/admin/dead-letters"));
        return operations;
    }

    private static JsonPath openApi() {
        return given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    private static Response call(RequestSpecification request, Operation operation) {
        String path = operation.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        return request.contentType(ContentType.JSON).body("{}").request(operation.method(), path);
    }
}
