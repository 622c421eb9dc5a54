package org.ordercycle.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ordercycle.launcher.Department;

/**
 * A service's OpenAPI document as the running service serves it ({@code /q/openapi?format=json}), read into the
 * operations the hostile-input test attacks: method, path template, parameters, JSON body schema and roles. Read
 * at run time, so an endpoint added tomorrow is attacked without a line of test code.
 */
final class ApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** A path, query or header parameter. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** One operation; {@code body} is the resolved JSON body schema or null; {@code roles} from its security. */
    record Operation(Department department, String method, String path, String operationId, List<Parameter> parameters,
            JsonNode body, boolean bodyRequired, Set<String> roles) {

        boolean writes() {
            return !method.equals("GET");
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return department.serviceName() + " " + method + " " + path + " (" + operationId + ")";
        }
    }

    private final JsonNode document;

    private ApiDocument(JsonNode document) {
        this.document = document;
    }

    static ApiDocument read(HttpClient http, String baseUrl) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + baseUrl + "/q/openapi answered " + response.statusCode());
            }
            return new ApiDocument(JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document of " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<Operation> operations(Department department) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<Parameter> shared = parameters(path.getValue().path("parameters"));
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>(shared);
                parameters.addAll(parameters(operation.path("parameters")));
                JsonNode content = operation.path("requestBody").path("content");
                JsonNode body = null;
                if (content.isObject() && content.size() > 0) {
                    JsonNode json = content.has("application/json") ? content.get("application/json")
                            : content.elements().next();
                    body = resolve(json.path("schema"));
                }
                Set<String> roles = new LinkedHashSet<>();
                for (JsonNode requirement : operation.path("security")) {
                    requirement.elements().forEachRemaining(scopes -> scopes.forEach(scope -> roles.add(scope.asText())));
                }
                operations.add(new Operation(department, method.getKey().toUpperCase(), path.getKey(),
                        operation.path("operationId").asText(method.getKey() + " " + path.getKey()), parameters, body,
                        operation.path("requestBody").path("required").asBoolean(false), roles));
            }
        }
        return operations;
    }

    private List<Parameter> parameters(JsonNode list) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : list) {
            JsonNode resolved = resolve(parameter);
            parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                    resolved.path("required").asBoolean(false), resolve(resolved.path("schema"))));
        }
        return parameters;
    }

    /** Follows {@code $ref} (and a single-element {@code allOf}/{@code anyOf}/{@code oneOf}) to the schema. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 20 && current != null; hops++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asText();
                current = document.at(ref.substring(1));
                continue;
            }
            for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
                if (current.has(combinator)) {
                    JsonNode first = null;
                    for (JsonNode option : current.get(combinator)) {
                        if (!"null".equals(option.path("type").asText())) {
                            first = option;
                            break;
                        }
                    }
                    if (first != null) {
                        current = first;
                        break;
                    }
                }
            }
            if (!current.has("$ref")) {
                return current;
            }
        }
        return current;
    }

    /** The schema's type: {@code "string"}, {@code "integer"}, … (the first that is not {@code null} in 3.1). */
    static String type(JsonNode schema) {
        if (schema == null) {
            return "object";
        }
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!"null".equals(each.asText())) {
                    return each.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        if (schema.has("enum")) {
            return "string";
        }
        return "object";
    }
}
