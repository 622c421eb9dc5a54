package org.ordercycle.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code asyncapi.yaml} (the AsyncAPI 3.0 document shipped with order-events) is what the records say, so it cannot
 * drift from them.
 */
class AsyncApiDocumentTest {

    private static final Path FILE = Path.of("asyncapi.yaml");
    private static final String REGENERATE =
            "./mvnw -B -o test -pl order-events -Dtest=AsyncApiDocumentTest -Dasyncapi.write=true";

    private final String generated = new AsyncApiDocument(Path.of("src/main/java")).yaml();

    @Test
    void theShippedDocumentIsTheOneTheRecordsMake() throws IOException {
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(FILE, generated);
        }
        assertTrue(Files.isRegularFile(FILE), "order-events/asyncapi.yaml is missing; write it with: " + REGENERATE);
        String shipped = Files.readString(FILE).replace("\r\n", "\n");
        if (!shipped.equals(generated)) {
            List<String> a = shipped.lines().toList();
            List<String> b = generated.lines().toList();
            int line = 0;
            while (line < Math.min(a.size(), b.size()) && a.get(line).equals(b.get(line))) {
                line++;
            }
            throw new AssertionError("order-events/asyncapi.yaml differs from the records (first at line " + (line + 1)
                    + ": file '" + (line < a.size() ? a.get(line) : "<end>") + "', records '"
                    + (line < b.size() ? b.get(line) : "<end>") + "'). Regenerate it with: " + REGENERATE);
        }
    }

    @Test
    void everyTopicAndEveryEventIsInTheDocument() throws IOException {
        JsonNode document = read();
        for (Topic topic : Topic.values()) {
            List<String> addresses = new ArrayList<>();
            document.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
            assertTrue(addresses.contains(topic.topicName()), topic.topicName());
            assertTrue(addresses.contains(topic.deadLetterTopic()), topic.deadLetterTopic());
        }
        for (EventType<?> type : EventCatalog.all()) {
            assertTrue(document.path("components").path("messages").has(type.name()), type.name());
            assertTrue(document.path("components").path("schemas").has(type.name()), type.name());
        }
        assertEquals(6, document.path("channels").path("salesOrders").path("bindings").path("kafka").path("partitions").asInt());
    }

    @Test
    void optionalFieldsAreNotRequiredAndTheOthersAre() throws IOException {
        JsonNode schemas = read().path("components").path("schemas");
        List<String> placedRequired = texts(schemas.path("OrderPlaced").path("required"));
        assertTrue(placedRequired.containsAll(List.of("eventId", "occurredAt", "orderId", "customerId", "lines")), placedRequired.toString());
        assertFalse(placedRequired.contains("requestedDate"), "OrderPlaced.requestedDate is @OptionalField");
        // An order line's prices are optional in OrderPlaced only (@OptionalField(in = OrderPlaced.class)).
        String placedLine = schemas.path("OrderPlaced").path("properties").path("lines").path("items").path("$ref").asText();
        String acceptedLine = schemas.path("OrderAccepted").path("properties").path("lines").path("items").path("$ref").asText();
        assertEquals("#/components/schemas/OrderLineInOrderPlaced", placedLine);
        assertEquals("#/components/schemas/OrderLine", acceptedLine);
        assertFalse(texts(schemas.path("OrderLineInOrderPlaced").path("required")).contains("unitPrice"));
        assertTrue(texts(schemas.path("OrderLine").path("required")).contains("unitPrice"));
        assertFalse(texts(schemas.path("OrderLine").path("required")).contains("taxCategory"));
        assertTrue(texts(schemas.path("OrderLine").path("required")).contains("lineNo"), "primitives are always required");
        assertFalse(texts(schemas.path("Address").path("required")).contains("postalCode"));
    }

    private JsonNode read() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(generated);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
