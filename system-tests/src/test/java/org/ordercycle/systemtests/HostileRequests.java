package org.ordercycle.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ordercycle.systemtests.ApiDocument.Operation;
import org.ordercycle.systemtests.ApiDocument.Parameter;

/**
 * Bad requests for an operation, generated from its OpenAPI description. Every request is one a correct service
 * must refuse: the plausible request of the operation (built from its schema, real ids of the right kind where it
 * names one) with exactly one defect, or no defect but a missing, expired, forged or unsuitable token. Nothing here
 * is a valid request, so nothing may be written.
 */
final class HostileRequests {

    /** What is wrong with a request. */
    enum Category {
        MALFORMED_JSON, WRONG_TYPE, MISSING_REQUIRED, HUGE_VALUE, NEGATIVE_OR_ZERO, UNKNOWN_ID, WRONG_KIND_ID,
        BAD_PARAMETER, NO_TOKEN, EXPIRED_TOKEN, FORGED_TOKEN, WRONG_ROLE, IDEMPOTENCY_KEY, WRONG_CONTENT_TYPE,
        OVERSIZED
    }

    /** One request to send. The body is raw bytes so that it can be anything, including not JSON at all. */
    record Request(Category category, Operation operation, String method, String pathAndQuery,
            Map<String, String> headers, byte[] body, String what) {

        String describe() {
            String shown = pathAndQuery.length() > 160 ? pathAndQuery.substring(0, 160) + "…" : pathAndQuery;
            return method + " " + shown + " [" + what + "]";
        }
    }

    /** Tokens of every kind the generator needs; {@code forRoles} gives a valid one with these roles. */
    interface Tokens {
        String forRoles(String user, Set<String> roles);

        String expired();

        List<String> forged();
    }

    /**
     * Real resources made before the attack. {@code ids} by kind (customer, order, shipment, invoice, return);
     * {@code idempotent}: per operation id, a key already used with a real request, by whom and with what body.
     */
    record Seeds(Map<String, UUID> ids, String sku, Map<String, UsedKey> idempotent) {
    }

    record UsedKey(String key, String user, Set<String> roles, String body) {
    }

    static final Set<String> ALL_ROLES = Set.of("crm", "sales", "sales-manager", "production", "billing", "returns",
            "service", "admin");
    private static final String ALL = "admin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE_STRING = "x".repeat(100_000);
    private static final String WIDE_STRING = "ä€𝄞".repeat(5_000);
    private static final List<String> MALFORMED = List.of(
            "{", "}", "{\"a\":", "{\"a\" 1}", "[", "nul", "{'single':'quotes'}", "{\"a\":1}}", "{\"a\":1,}",
            "\u0000\u0001\u0002", "<xml/>", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":\"unterminated}",
            "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
            "{\"a\":\"\\ud800\"}", "{\"a\":1 /* comment */}");

    /**
     * Ids in a body the service cannot check and keeps as given: production registers a supplier with the CRM's
     * party id without knowing the CRM's parties (it reads no contact topic); a satisfaction score may be about a
     * return as well as a ticket. An unknown or other-kind id there is no error.
     */
    private static final Set<String> OPAQUE_REFERENCES = Set.of("registerSupplier /partyId", "recordSatisfaction /about");

    private final Seeds seeds;
    private final Tokens tokens;
    private final Function<Operation, String> userOf;

    HostileRequests(Seeds seeds, Tokens tokens) {
        this.seeds = seeds;
        this.tokens = tokens;
        this.userOf = operation -> "hostile";
    }

    /** Every bad request for the operation. */
    List<Request> generate(Operation operation) {
        List<Request> requests = new ArrayList<>();
        Consumer<Request> out = requests::add;
        String admin = tokens.forRoles("hostile", Set.of(ALL));
        String path = fillPath(operation, Map.of());
        String query = plausibleQuery(operation);
        JsonNode body = operation.body() == null ? null : plausible(operation.body(), "", 0, IdMode.REAL);
        byte[] bodyBytes = body == null ? null : bytes(withUnknownField(body));

        // Tokens: a plausible request (real ids) that must never reach the application.
        auth(operation, path + query, bodyBytes, out);

        // Path and query parameters of the wrong type, unknown or of the wrong kind.
        parameters(operation, admin, query, body, out);

        if (operation.body() != null) {
            bodies(operation, admin, path + query, body, out);
            contentTypes(operation, admin, path + query, body, out);
            idempotency(operation, path + query, body, out);
        }
        return requests;
    }

    // ---- tokens ----

    private void auth(Operation operation, String pathAndQuery, byte[] body, Consumer<Request> out) {
        out.accept(request(Category.NO_TOKEN, operation, pathAndQuery, null, body, "no token"));
        out.accept(request(Category.NO_TOKEN, operation, pathAndQuery, Map.of("Authorization", "Bearer"), body,
                "empty bearer"));
        out.accept(request(Category.NO_TOKEN, operation, pathAndQuery, Map.of("Authorization", "Basic YWRtaW46YWRtaW4="),
                body, "basic credentials"));
        out.accept(withToken(Category.EXPIRED_TOKEN, operation, pathAndQuery, tokens.expired(), body, "expired"));
        int i = 0;
        for (String forged : tokens.forged()) {
            out.accept(withToken(Category.FORGED_TOKEN, operation, pathAndQuery, forged, body, "forged #" + i++));
        }
        List<String> wrong = ALL_ROLES.stream().filter(role -> !operation.roles().contains(role)).sorted().toList();
        out.accept(withToken(Category.WRONG_ROLE, operation, pathAndQuery,
                tokens.forRoles("hostile", Set.of("no-department")), body, "role no-department"));
        out.accept(withToken(Category.WRONG_ROLE, operation, pathAndQuery, tokens.forRoles("hostile", Set.of()), body,
                "no roles"));
        for (String role : wrong) {
            out.accept(withToken(Category.WRONG_ROLE, operation, pathAndQuery, tokens.forRoles("hostile", Set.of(role)),
                    body, "role " + role));
        }
    }

    // ---- parameters ----

    private void parameters(Operation operation, String admin, String query, JsonNode body, Consumer<Request> out) {
        byte[] plausibleBody = body == null ? null : bytes(body);
        for (Parameter parameter : operation.in("path")) {
            String kind = kindOf(parameter.name(), operation.path());
            boolean uuid = isUuid(parameter.schema());
            for (String value : List.of("not-a-uuid", "%00", "..%2F..%2Fetc", "-1", "0", "%27%20or%201%3D1--",
                    "9".repeat(40), "%F0%9F%92%A9", "%ZZ", "x".repeat(600))) {
                if (!uuid && !value.startsWith("%") && !value.equals("x".repeat(600))) {
                    continue; // a free-text id (a SKU): only values that cannot name a real resource
                }
                out.accept(withToken(Category.BAD_PARAMETER, operation,
                        fillPath(operation, Map.of(parameter.name(), value)) + query, admin, plausibleBody,
                        "path " + parameter.name() + "=" + abbreviate(value)));
            }
            if (uuid) {
                out.accept(withToken(Category.UNKNOWN_ID, operation,
                        fillPath(operation, Map.of(parameter.name(), UUID.randomUUID().toString())) + query, admin,
                        plausibleBody, "path " + parameter.name() + " unknown"));
                out.accept(withToken(Category.UNKNOWN_ID, operation,
                        fillPath(operation, Map.of(parameter.name(), new UUID(0, 0).toString())) + query, admin,
                        plausibleBody, "path " + parameter.name() + " nil uuid"));
                for (Map.Entry<String, UUID> other : seeds.ids().entrySet()) {
                    if (!other.getKey().equals(kind)) {
                        out.accept(withToken(Category.WRONG_KIND_ID, operation,
                                fillPath(operation, Map.of(parameter.name(), other.getValue().toString())) + query,
                                admin, plausibleBody, "path " + parameter.name() + " = a " + other.getKey() + " id"));
                    }
                }
            }
        }
        String path = fillPath(operation, Map.of());
        for (Parameter parameter : operation.in("query")) {
            String type = ApiDocument.type(parameter.schema());
            boolean typed = !type.equals("string") || parameter.schema().has("format") || parameter.schema().has("enum");
            if (operation.writes() && !typed) {
                continue; // free text on a command could be a valid value; only typed parameters are surely wrong
            }
            List<String> values = new ArrayList<>(List.of("%00", "%ZZ", "x".repeat(2_000)));
            if (typed) {
                values.addAll(List.of("not-a-value", "", "-1", "99999999999999999999999", "1e400", "2026-13-45",
                        "1.5", "true", "NaN", "-2147483649"));
            }
            if (isUuid(parameter.schema())) {
                values.add(UUID.randomUUID().toString());
            }
            for (String value : values) {
                if (isValidValue(parameter.schema(), value) && operation.writes()) {
                    continue;
                }
                String encoded = value.startsWith("%") ? value : URLEncoder.encode(value, UTF_8);
                out.accept(withToken(Category.BAD_PARAMETER, operation,
                        path + replaceQuery(operation, parameter.name(), encoded), admin, plausibleBody,
                        "query " + parameter.name() + "=" + abbreviate(value)));
            }
            out.accept(withToken(Category.BAD_PARAMETER, operation,
                    path + replaceQuery(operation, parameter.name(), "a") + "&" + parameter.name() + "=b", admin,
                    plausibleBody, "query " + parameter.name() + " twice"));
        }
    }

    /** A value that might be valid for a write's parameter is never sent: only surely wrong ones. */
    private static boolean isValidValue(JsonNode schema, String value) {
        String type = ApiDocument.type(schema);
        if (isUuid(schema)) {
            return false; // random UUIDs name nothing
        }
        if (schema.has("enum")) {
            for (JsonNode option : schema.get("enum")) {
                if (option.asText().equals(value)) {
                    return true;
                }
            }
            return false;
        }
        try {
            switch (type) {
                case "integer" -> {
                    return Long.parseLong(value) >= 0;
                }
                case "number" -> {
                    return new BigDecimal(value).signum() >= 0;
                }
                case "boolean" -> {
                    return value.equals("true") || value.equals("false");
                }
                default -> {
                    return !schema.has("format");
                }
            }
        } catch (NumberFormatException e) {
            return false;
        }
    }

    // ---- bodies ----

    private void bodies(Operation operation, String admin, String pathAndQuery, JsonNode body, Consumer<Request> out) {
        for (String malformed : MALFORMED) {
            out.accept(withToken(Category.MALFORMED_JSON, operation, pathAndQuery, admin, malformed.getBytes(UTF_8),
                    "malformed " + abbreviate(malformed)));
        }
        out.accept(withToken(Category.MALFORMED_JSON, operation, pathAndQuery, admin, new byte[] {(byte) 0xC3, 0x28,
                (byte) 0xFF, (byte) 0xFE}, "invalid UTF-8"));
        if (operation.bodyRequired()) {
            out.accept(withToken(Category.MALFORMED_JSON, operation, pathAndQuery, admin, new byte[0], "empty body"));
        }
        out.accept(withToken(Category.MALFORMED_JSON, operation, pathAndQuery, admin,
                ("{\"a\":\"" + "\\\"".repeat(1_000) + "\"").getBytes(UTF_8), "escapes, unterminated"));
        for (String whole : List.of("[]", "\"text\"", "42", "null", "true", "[{}]")) {
            if (whole.equals("null") && !operation.bodyRequired()) {
                continue; // an optional body may be null
            }
            out.accept(withToken(Category.WRONG_TYPE, operation, pathAndQuery, admin, whole.getBytes(UTF_8),
                    "whole body " + whole));
        }
        if (body.isObject()) {
            out.accept(withToken(Category.WRONG_TYPE, operation, pathAndQuery, admin, bytes(withUnknownField(body)),
                    "unknown field"));
        }
        for (Field field : fields(operation.body(), body, "", 0)) {
            mutations(operation, admin, pathAndQuery, body, field, out);
        }
        // Ids in the body: unknown, and real ids of another kind.
        for (Field field : fields(operation.body(), body, "", 0)) {
            if (!isUuid(field.schema()) || OPAQUE_REFERENCES.contains(operation.operationId() + " " + field.pointer())) {
                continue;
            }
            String kind = kindOf(field.name(), operation.path());
            out.accept(mutated(Category.UNKNOWN_ID, operation, admin, pathAndQuery, body, field,
                    NODES.textNode(UUID.randomUUID().toString()), "unknown id"));
            for (Map.Entry<String, UUID> other : seeds.ids().entrySet()) {
                if (!other.getKey().equals(kind)) {
                    out.accept(mutated(Category.WRONG_KIND_ID, operation, admin, pathAndQuery, body, field,
                            NODES.textNode(other.getValue().toString()), "a " + other.getKey() + " id"));
                }
            }
        }
    }

    private void mutations(Operation operation, String admin, String pathAndQuery, JsonNode body, Field field,
            Consumer<Request> out) {
        JsonNode schema = field.schema();
        String type = ApiDocument.type(schema);
        String format = schema.path("format").asText("");
        List<JsonNode> wrong = new ArrayList<>();
        switch (type) {
            case "string" -> {
                wrong.add(NODES.objectNode());
                wrong.add(NODES.arrayNode());
                if (isUuid(schema)) {
                    wrong.add(NODES.textNode("not-a-uuid"));
                    if (field.required()) {
                        wrong.add(NODES.textNode("")); // Jackson reads "" as null: wrong only where null is
                    }
                    wrong.add(NODES.numberNode(42));
                    wrong.add(NODES.textNode(UUID.randomUUID() + "0"));
                } else if (format.startsWith("date")) {
                    wrong.add(NODES.textNode("2026-13-45"));
                    wrong.add(NODES.textNode("yesterday"));
                    wrong.add(NODES.textNode("+999999999-12-31"));
                    wrong.add(NODES.numberNode(20260101));
                } else if (schema.has("enum")) {
                    wrong.add(NODES.textNode("NOT_A_VALUE"));
                    if (field.required()) {
                        wrong.add(NODES.textNode(""));
                    }
                }
            }
            case "integer" -> {
                wrong.add(NODES.textNode("abc"));
                wrong.add(NODES.numberNode(new BigDecimal("1.5")));
                wrong.add(NODES.booleanNode(true));
                wrong.add(NODES.objectNode());
            }
            case "number" -> {
                wrong.add(NODES.textNode("abc"));
                wrong.add(NODES.textNode("1,5"));
                wrong.add(NODES.booleanNode(true));
                wrong.add(NODES.arrayNode());
            }
            case "boolean" -> {
                wrong.add(NODES.textNode("maybe"));
                wrong.add(NODES.objectNode());
            }
            case "array" -> {
                wrong.add(NODES.objectNode());
                wrong.add(NODES.textNode("x"));
                wrong.add(NODES.arrayNode().addNull());
            }
            default -> {
                wrong.add(NODES.textNode("x"));
                wrong.add(NODES.arrayNode());
                wrong.add(NODES.numberNode(7));
            }
        }
        for (JsonNode value : wrong) {
            out.accept(mutated(Category.WRONG_TYPE, operation, admin, pathAndQuery, body, field, value,
                    "expects " + type + (format.isEmpty() ? "" : "/" + format)));
        }
        if (field.required()) {
            out.accept(mutated(Category.MISSING_REQUIRED, operation, admin, pathAndQuery, body, field, NODES.nullNode(),
                    "null"));
            out.accept(mutated(Category.MISSING_REQUIRED, operation, admin, pathAndQuery, body, field, null, "absent"));
        }
        switch (type) {
            case "string" -> {
                if (!isUuid(schema) && !format.startsWith("date") && !schema.has("enum")) {
                    out.accept(mutated(Category.HUGE_VALUE, operation, admin, pathAndQuery, body, field,
                            NODES.textNode(HUGE_STRING), "100,000 characters"));
                    out.accept(mutated(Category.HUGE_VALUE, operation, admin, pathAndQuery, body, field,
                            NODES.textNode(WIDE_STRING), "15,000 multi-byte characters"));
                    out.accept(mutated(Category.HUGE_VALUE, operation, admin, pathAndQuery, body, field,
                            NODES.textNode("nul\u0000byte" + HUGE_STRING), "NUL character"));
                }
            }
            case "integer", "number" -> {
                for (String huge : List.of("1e400", "9223372036854775808", "-9223372036854775809", "1E+999999999",
                        "123456789012345678901234567890.123456789", "1e-400", "0." + "0".repeat(5_000) + "1")) {
                    if (type.equals("integer") && (huge.contains(".") || huge.contains("e-"))) {
                        continue;
                    }
                    out.accept(mutatedRaw(Category.HUGE_VALUE, operation, admin, pathAndQuery, body, field, huge,
                            "number " + abbreviate(huge)));
                }
                if (quantityLike(field.name())) {
                    for (String value : List.of("0", "-1", "-0.001", "-2147483649")) {
                        if (type.equals("integer") && value.contains(".")) {
                            continue;
                        }
                        out.accept(mutatedRaw(Category.NEGATIVE_OR_ZERO, operation, admin, pathAndQuery, body, field,
                                value, field.name() + "=" + value));
                    }
                } else if (signLike(field.name())) {
                    for (String value : List.of("-1", "-0.01", "-2147483649")) {
                        if (type.equals("integer") && value.contains(".")) {
                            continue;
                        }
                        out.accept(mutatedRaw(Category.NEGATIVE_OR_ZERO, operation, admin, pathAndQuery, body, field,
                                value, field.name() + "=" + value));
                    }
                }
            }
            default -> {
            }
        }
    }

    /** Quantities: zero is as wrong as negative. */
    private static boolean quantityLike(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("quantity") || lower.equals("qty");
    }

    /** Amounts, prices, costs, days, hours, percentages: never negative. */
    private static boolean signLike(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return List.of("amount", "price", "cost", "days", "hours", "percent", "limit", "capacity", "leadtime")
                .stream().anyMatch(lower::contains);
    }

    // ---- content types ----

    private void contentTypes(Operation operation, String admin, String pathAndQuery, JsonNode body, Consumer<Request> out) {
        // The body is plausible but carries an unknown field: read as JSON despite its type, it is still a 400.
        byte[] bytes = bytes(withUnknownField(body));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=xyz", "application/octet-stream", "application/json; charset=EBCDIC",
                "application/json; charset=nonsense", "*/*", "json", "")) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + admin);
            headers.put("Content-Type", type);
            out.accept(request(Category.WRONG_CONTENT_TYPE, operation, pathAndQuery, headers, bytes,
                    "Content-Type " + (type.isEmpty() ? "(empty)" : type)));
        }
        for (String accept : List.of("image/png", "application/problem+xml")) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + admin);
            headers.put("Content-Type", "application/json");
            headers.put("Accept", accept);
            out.accept(request(Category.WRONG_CONTENT_TYPE, operation, pathAndQuery, headers, bytes,
                    "Accept " + accept));
        }
    }

    // ---- idempotency keys ----

    private void idempotency(Operation operation, String pathAndQuery, JsonNode body, Consumer<Request> out) {
        boolean takesKey = operation.in("header").stream().anyMatch(p -> p.name().equalsIgnoreCase("Idempotency-Key"));
        if (!takesKey) {
            return;
        }
        String admin = tokens.forRoles("hostile", Set.of(ALL));
        for (String key : List.of("k".repeat(256), "k".repeat(5_000))) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + admin);
            headers.put("Content-Type", "application/json");
            headers.put("Idempotency-Key", key);
            out.accept(request(Category.IDEMPOTENCY_KEY, operation, pathAndQuery, headers, bytes(body),
                    "key of " + key.length() + " characters"));
        }
        UsedKey used = seeds.idempotent().get(operation.operationId());
        if (used == null) {
            return;
        }
        String token = tokens.forRoles(used.user(), used.roles());
        try {
            JsonNode original = JSON.readTree(used.body());
            List<JsonNode> others = new ArrayList<>();
            others.add(body);
            for (Field field : fields(operation.body(), original, "", 0)) {
                if (ApiDocument.type(field.schema()).equals("number") || ApiDocument.type(field.schema()).equals("integer")) {
                    others.add(replace(original, field.pointer(), NODES.numberNode(new BigDecimal("7"))));
                    others.add(replace(original, field.pointer(), NODES.numberNode(new BigDecimal("9"))));
                } else if (ApiDocument.type(field.schema()).equals("string") && !field.schema().has("enum")
                        && !isUuid(field.schema())) {
                    others.add(replace(original, field.pointer(), NODES.textNode("another " + field.name())));
                }
            }
            for (JsonNode other : others) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Authorization", "Bearer " + token);
                headers.put("Content-Type", "application/json");
                headers.put("Idempotency-Key", used.key());
                out.accept(request(Category.IDEMPOTENCY_KEY, operation, pathAndQuery, headers, bytes(other),
                        "used key, another body"));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- plausible requests ----

    enum IdMode { REAL, RANDOM }

    /** The schema's plausible value: real ids where the name says which kind, the seeded SKU, small positive numbers. */
    JsonNode plausible(JsonNode schema, String name, int depth, IdMode ids) {
        String type = ApiDocument.type(schema);
        String lower = name.toLowerCase(Locale.ROOT);
        switch (type) {
            case "string" -> {
                if (schema.has("enum") && schema.get("enum").size() > 0) {
                    return NODES.textNode(schema.get("enum").get(0).asText());
                }
                String format = schema.path("format").asText("");
                if (isUuid(schema)) {
                    UUID real = seeds.ids().get(kindOf(name, ""));
                    return NODES.textNode(ids == IdMode.REAL && real != null ? real.toString() : UUID.randomUUID().toString());
                }
                if (format.equals("date")) {
                    return NODES.textNode(LocalDate.now().plusDays(7).toString());
                }
                if (format.equals("date-time")) {
                    return NODES.textNode(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                }
                if (lower.contains("currency")) {
                    return NODES.textNode("EUR");
                }
                if (lower.contains("country")) {
                    return NODES.textNode("DE");
                }
                if (lower.equals("sku")) {
                    return NODES.textNode(seeds.sku());
                }
                if (lower.contains("email") || format.equals("email")) {
                    return NODES.textNode("hostile@example.com");
                }
                int min = schema.path("minLength").asInt(0);
                return NODES.textNode(min > 7 ? "h".repeat(min) : "hostile");
            }
            case "integer" -> {
                return NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            }
            case "number" -> {
                return NODES.numberNode(BigDecimal.ONE.max(new BigDecimal(schema.path("minimum").asText("1"))));
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 5) {
                    array.add(plausible(resolve(schema.path("items")), name, depth + 1, ids));
                }
                return array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 5) {
                    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                    while (properties.hasNext()) {
                        Map.Entry<String, JsonNode> property = properties.next();
                        if (property.getValue().path("readOnly").asBoolean(false)) {
                            continue;
                        }
                        object.set(property.getKey(), plausible(resolve(property.getValue()), property.getKey(),
                                depth + 1, ids));
                    }
                }
                return object;
            }
        }
    }

    /** A field of the plausible body: its JSON pointer, name, schema and whether the schema requires it. */
    record Field(String pointer, String name, JsonNode schema, boolean required) {
    }

    private List<Field> fields(JsonNode schema, JsonNode value, String pointer, int depth) {
        List<Field> fields = new ArrayList<>();
        JsonNode resolved = resolve(schema);
        if (depth > 5 || value == null) {
            return fields;
        }
        if (value.isObject()) {
            Set<String> required = new java.util.HashSet<>();
            resolved.path("required").forEach(name -> required.add(name.asText()));
            Iterator<Map.Entry<String, JsonNode>> properties = value.fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                JsonNode propertySchema = resolve(resolved.path("properties").path(property.getKey()));
                String child = pointer + "/" + property.getKey();
                fields.add(new Field(child, property.getKey(), propertySchema, required.contains(property.getKey())));
                fields.addAll(fields(propertySchema, property.getValue(), child, depth + 1));
            }
        } else if (value.isArray() && value.size() > 0) {
            JsonNode items = resolve(resolved.path("items"));
            fields.addAll(fields(items, value.get(0), pointer + "/0", depth + 1));
        }
        return fields;
    }

    private JsonNode resolve(JsonNode schema) {
        return resolver.apply(schema);
    }

    private Function<JsonNode, JsonNode> resolver = Function.identity();

    HostileRequests resolvingWith(Function<JsonNode, JsonNode> resolver) {
        this.resolver = resolver;
        return this;
    }

    // ---- helpers ----

    private Request mutated(Category category, Operation operation, String token, String pathAndQuery, JsonNode body,
            Field field, JsonNode value, String what) {
        JsonNode changed = value == null ? remove(body, field.pointer()) : replace(body, field.pointer(), value);
        return withToken(category, operation, pathAndQuery, token, bytes(changed), field.pointer() + ": " + what);
    }

    /** A number the JSON tree cannot hold (1e400, 5,000 digits) goes in as raw text. */
    private Request mutatedRaw(Category category, Operation operation, String token, String pathAndQuery, JsonNode body,
            Field field, String number, String what) {
        String marker = "\"@@number-" + UUID.randomUUID() + "@@\"";
        String text = new String(bytes(replace(body, field.pointer(), NODES.textNode(marker.substring(1,
                marker.length() - 1)))), UTF_8).replace(marker, number);
        return withToken(category, operation, pathAndQuery, token, text.getBytes(UTF_8), field.pointer() + ": " + what);
    }

    private static JsonNode replace(JsonNode body, String pointer, JsonNode value) {
        JsonNode copy = body.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
        return copy;
    }

    private static JsonNode remove(JsonNode body, String pointer) {
        JsonNode copy = body.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        if (parent instanceof ObjectNode object) {
            object.remove(pointer.substring(slash + 1));
        }
        return copy;
    }

    private static JsonNode withUnknownField(JsonNode body) {
        if (body.isObject()) {
            ObjectNode copy = body.deepCopy();
            copy.put("hostileUnknownField", 1);
            return copy;
        }
        if (body.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            copy.add(NODES.objectNode().put("hostileUnknownField", 1));
            return copy;
        }
        return NODES.objectNode().put("hostileUnknownField", 1);
    }

    private Request withToken(Category category, Operation operation, String pathAndQuery, String token, byte[] body,
            String what) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        return request(category, operation, pathAndQuery, headers, body, what);
    }

    private static Request request(Category category, Operation operation, String pathAndQuery,
            Map<String, String> headers, byte[] body, String what) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Accept", "application/json");
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        if (headers != null) {
            all.putAll(headers);
        }
        return new Request(category, operation, operation.method(), pathAndQuery, all, body, what);
    }

    /** The path with real ids (by kind) and the seeded SKU, except where {@code overrides} says otherwise. */
    String fillPath(Operation operation, Map<String, String> overrides) {
        String path = operation.path();
        for (Parameter parameter : operation.in("path")) {
            String value = overrides.get(parameter.name());
            if (value == null) {
                if (isUuid(parameter.schema())) {
                    UUID real = seeds.ids().get(kindOf(parameter.name(), operation.path()));
                    value = (real != null ? real : UUID.randomUUID()).toString();
                } else {
                    value = parameter.name().toLowerCase(Locale.ROOT).contains("sku") ? seeds.sku() : "hostile";
                }
            }
            path = path.replace("{" + parameter.name() + "}", value);
        }
        return path;
    }

    private String plausibleQuery(Operation operation) {
        return replaceQuery(operation, null, null);
    }

    /** The query with required parameters set plausibly, and {@code name} set to the given (encoded) value. */
    private String replaceQuery(Operation operation, String name, String encodedValue) {
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.in("query")) {
            String value;
            if (parameter.name().equals(name)) {
                value = encodedValue;
            } else if (parameter.required()) {
                value = URLEncoder.encode(plausible(parameter.schema(), parameter.name(), 0, IdMode.REAL).asText(), UTF_8);
            } else {
                continue;
            }
            query.append(query.isEmpty() ? "?" : "&").append(parameter.name()).append('=').append(value);
        }
        return query.toString();
    }

    /**
     * The kind of resource a parameter or field names: by its own name ({@code orderId}), or for a bare {@code id}
     * by the path segment before it ({@code /returns/{id}} → return).
     */
    static String kindOf(String name, String path) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("id") && path != null) {
            int at = path.indexOf("{" + name + "}");
            String before = at > 0 ? path.substring(0, at) : path;
            String[] segments = before.split("/");
            lower = segments.length == 0 ? "" : segments[segments.length - 1].toLowerCase(Locale.ROOT);
        }
        if (lower.contains("return")) {
            return "return";
        }
        if (lower.contains("invoice")) {
            return "invoice";
        }
        if (lower.contains("shipment")) {
            return "shipment";
        }
        if (lower.contains("order")) {
            return "order";
        }
        if (lower.contains("customer") || lower.contains("organization") || lower.contains("part")
                || lower.contains("person")) {
            return "customer";
        }
        return "other";
    }

    static boolean isUuid(JsonNode schema) {
        return schema != null && "uuid".equals(schema.path("format").asText());
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 24 ? printable.substring(0, 24) + "…(" + value.length() + ")" : printable;
    }
}
