package org.ordercycle.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The golden samples are the catalog's documentation and its contract: one hand-written JSON per event type,
 * which the records must read completely and write back unchanged.
 */
class EventSamplesTest {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final String UNKNOWN_FIELD = "addedByANewerProducer";

    static Stream<Named<EventType<?>>> eventTypes() {
        return EventCatalog.all().stream().map(type -> Named.of(type.name(), type));
    }

    /** The samples are what other teams read: a field added to a record needs a value in its sample. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void sampleShowsEveryFieldOfTheEvent(EventType<?> type) throws IOException {
        JsonNode sample = sample(type);
        List<String> missing = new ArrayList<>();
        visitFields(read(sample, type), sample, type.name(), (path, inRecord, value, node) -> {
            if (inRecord && (node == null || node.isNull())) {
                missing.add(path);
            }
        });
        assertEquals(List.of(), missing, "fields the sample of " + type.name() + " does not show");
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void sampleReadsIntoTheRecordWithoutLosingAField(EventType<?> type) throws IOException {
        JsonNode sample = sample(type);
        List<String> lost = new ArrayList<>();
        visitFields(read(sample, type), sample, type.name(), (path, inRecord, value, node) -> {
            if (node != null && !node.isNull() && (!inRecord || value == null)) {
                lost.add(path);
            }
        });
        assertEquals(List.of(), lost, "fields set in the sample but absent from the record or read as null");
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void writingTheEventGivesTheSampleBack(EventType<?> type) throws IOException {
        JsonNode sample = sample(type);
        Event event = read(sample, type);

        JsonNode written = JSON.readTree(JSON.writeValueAsString(event));

        assertEquals(sample, written);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void fieldsAddedByANewerProducerAreIgnored(EventType<?> type) throws IOException {
        JsonNode sample = sample(type);
        ObjectNode extended = sample.deepCopy();
        addUnknownFieldToFirstNestedObject(extended);
        extended.putObject(UNKNOWN_FIELD).put("note", "unknown to this version").putArray("list").add(1);

        assertEquals(read(sample, type), read(extended, type));
    }

    @Test
    void everySampleBelongsToAnEventOfTheCatalog() throws IOException, URISyntaxException {
        Path samples = Path.of(EventSamplesTest.class.getResource("/samples").toURI());
        Set<String> catalogNames = EventCatalog.all().stream().map(EventType::name).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(samples)) {
            List<String> strays = files.map(file -> file.getFileName().toString())
                    .filter(file -> !catalogNames.contains(file.replaceFirst("\\.json$", "")))
                    .toList();
            assertEquals(List.of(), strays, "samples without an event type");
        }
    }

    private static JsonNode sample(EventType<?> type) throws IOException {
        try (InputStream in = EventSamplesTest.class.getResourceAsStream("/samples/" + type.name() + ".json")) {
            assertNotNull(in, "no sample src/test/resources/samples/" + type.name() + ".json");
            JsonNode sample = JSON.readTree(in);
            assertTrue(sample.isObject(), type.name() + " sample is not a JSON object");
            return sample;
        }
    }

    private static Event read(JsonNode json, EventType<?> type) throws IOException {
        return JSON.treeToValue(json, type.javaType());
    }

    private interface FieldVisitor {
        /** {@code inRecord}: the field is a record component; {@code value} and {@code node} may be null. */
        void visit(String path, boolean inRecord, Object value, JsonNode node);
    }

    /**
     * Walks every field of the event, nested records and lists included: each record component beside its JSON
     * node, then each JSON field the record has no component for.
     */
    private static void visitFields(Object value, JsonNode node, String path, FieldVisitor visitor) {
        if (value instanceof Record record) {
            Set<String> componentNames = new HashSet<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                String childPath = path + "." + component.getName();
                Object child = valueOf(component, record);
                JsonNode childNode = node.get(component.getName());
                componentNames.add(component.getName());
                visitor.visit(childPath, true, child, childNode);
                if (child != null && childNode != null) {
                    visitFields(child, childNode, childPath, visitor);
                }
            }
            node.fieldNames().forEachRemaining(name -> {
                if (!componentNames.contains(name)) {
                    visitor.visit(path + "." + name, false, null, node.get(name));
                }
            });
        } else if (value instanceof List<?> list && node.isArray()) {
            assertEquals(node.size(), list.size(), path + " has a different length than in the sample");
            for (int i = 0; i < list.size(); i++) {
                visitFields(list.get(i), node.get(i), path + "[" + i + "]", visitor);
            }
        }
    }

    private static Object valueOf(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            return fail("cannot read " + component, e);
        }
    }

    /** Depth first, through arrays too; events without a nested object get only the top-level field. */
    private static boolean addUnknownFieldToFirstNestedObject(JsonNode node) {
        for (JsonNode child : node) {
            if (child instanceof ObjectNode object) {
                object.put(UNKNOWN_FIELD, "unknown to this version");
                return true;
            }
            if (child.isArray() && addUnknownFieldToFirstNestedObject(child)) {
                return true;
            }
        }
        return false;
    }
}
