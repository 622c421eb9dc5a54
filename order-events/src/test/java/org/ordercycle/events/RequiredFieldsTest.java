package org.ordercycle.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.events.contact.CustomerRegistered;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.events.sales.QuoteIssued;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * "Required" is what lets a consumer tell poison from a record it can apply: every golden sample is complete, and
 * a sample with any required field taken away (at any depth) is reported with that field's path, while one
 * without an optional field is not. The variants are generated from the records and their {@link OptionalField}
 * annotations, independently of the check under test.
 */
class RequiredFieldsTest {

    private static final ObjectMapper JSON = EventJson.mapper();

    static Stream<Named<EventType<?>>> eventTypes() {
        return EventCatalog.all().stream().map(type -> Named.of(type.name(), type));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyGoldenSampleIsComplete(EventType<?> type) throws IOException {
        assertEquals(List.of(), type.missingRequired(read(sample(type), type)));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyRequiredFieldTakenFromTheSampleIsReportedWithItsPath(EventType<?> type) throws IOException {
        ObjectNode sample = sample(type);
        List<Variant> variants = variants(type, sample, true);
        assertTrue(variants.size() >= 3, "eventId, occurredAt and the key at least: " + variants);

        List<String> wrong = new ArrayList<>();
        for (Variant variant : variants) {
            ObjectNode broken = sample.deepCopy();
            variant.change().accept(broken);
            List<String> reported = type.missingRequired(read(broken, type));
            if (!reported.equals(List.of(variant.path()))) {
                wrong.add("without " + variant.path() + " reported " + reported);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void anOptionalFieldTakenFromTheSampleIsNotReported(EventType<?> type) throws IOException {
        ObjectNode sample = sample(type);
        for (Variant variant : variants(type, sample, false)) {
            ObjectNode lacking = sample.deepCopy();
            variant.change().accept(lacking);
            assertEquals(List.of(), type.missingRequired(read(lacking, type)), "without " + variant.path());
        }
    }

    /** A number or flag cannot be checked on the record (it reads as 0 or false), so reading it must fail. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void aSampleWithoutANumberOrFlagCannotBeRead(EventType<?> type) throws IOException {
        ObjectNode sample = sample(type);
        for (String field : primitiveFields(type.javaType(), sample, "")) {
            ObjectNode broken = sample.deepCopy();
            ((ObjectNode) broken.at(parent(field))).remove(last(field));
            assertThrows(MismatchedInputException.class, () -> read(broken, type), "read without " + field);
        }
    }

    @Test
    void numbersAndFlagsAreAmongTheFieldsTheReaderInsistsOn() throws IOException {
        EventType<OrderAccepted> accepted = EventCatalog.of(OrderAccepted.class);
        assertEquals(List.of("/lines/1/lineNo", "/priority", "/automatic"),
                primitiveFields(OrderAccepted.class, sample(accepted), ""));
    }

    @Test
    void reportsEveryMissingFieldInTheOrderOfTheRecord() throws IOException {
        EventType<ShipmentDispatched> dispatched = EventCatalog.of(ShipmentDispatched.class);
        ObjectNode json = sample(dispatched);
        json.remove("carrier");
        json.remove("trackingNo");
        ((ObjectNode) json.at("/lines/1")).remove("sku");

        assertEquals(List.of("lines[1].sku", "carrier"), dispatched.missingRequired(read(json, dispatched)));

        EventType<OrderCancelled> cancelled = EventCatalog.of(OrderCancelled.class);
        assertEquals(List.of("occurredAt", "orderId"),
                cancelled.missingRequired(new OrderCancelled(UUID.randomUUID(), null, null, null, null)));
    }

    @Test
    void anOrderLinesPricesMayBeAbsentWhenPlacedButNeverWhenAccepted() throws IOException {
        EventType<OrderPlaced> placed = EventCatalog.of(OrderPlaced.class);
        ObjectNode placedJson = sample(placed);
        for (JsonNode line : placedJson.get("lines")) {
            ((ObjectNode) line).remove(List.of("unitPrice", "discountPercent", "taxRate"));
        }
        placedJson.remove("requestedDate");
        assertEquals(List.of(), placed.missingRequired(read(placedJson, placed)));

        EventType<OrderAccepted> accepted = EventCatalog.of(OrderAccepted.class);
        ObjectNode acceptedJson = sample(accepted);
        ((ObjectNode) acceptedJson.at("/lines/1")).remove("taxRate");
        ((ObjectNode) acceptedJson.at("/lines/0/unitPrice")).remove("currency");
        assertEquals(List.of("lines[0].unitPrice.currency", "lines[1].taxRate"),
                accepted.missingRequired(read(acceptedJson, accepted)));
    }

    @Test
    void anOptionalRecordMayBeAbsentButWhenPresentItsRequiredFieldsAreRequired() throws IOException {
        EventType<CustomerRegistered> registered = EventCatalog.of(CustomerRegistered.class);
        ObjectNode withoutAddress = sample(registered);
        withoutAddress.remove("billingAddress");
        assertEquals(List.of(), registered.missingRequired(read(withoutAddress, registered)));

        ObjectNode withoutCity = sample(registered);
        ((ObjectNode) withoutCity.get("billingAddress")).remove(List.of("city", "region"));
        assertEquals(List.of("billingAddress.city"), registered.missingRequired(read(withoutCity, registered)));
    }

    @Test
    void moneyWithoutItsCurrencyAndAListWithAHoleAreIncomplete() throws IOException {
        EventType<QuoteIssued> quote = EventCatalog.of(QuoteIssued.class);
        ObjectNode quoteJson = sample(quote);
        ((ObjectNode) quoteJson.get("total")).remove("currency");
        assertEquals(List.of("total.currency"), quote.missingRequired(read(quoteJson, quote)));

        EventType<InvoiceIssued> invoice = EventCatalog.of(InvoiceIssued.class);
        ObjectNode invoiceJson = sample(invoice);
        ArrayNode orderIds = (ArrayNode) invoiceJson.get("orderIds");
        orderIds.addNull();
        int hole = orderIds.size() - 1;
        assertEquals(List.of("orderIds[" + hole + "]"), invoice.missingRequired(read(invoiceJson, invoice)));
    }

    @Test
    void anEventOfAnotherTypeIsRefused() {
        EventType<OrderPlaced> placed = EventCatalog.of(OrderPlaced.class);
        OrderCancelled cancelled = new OrderCancelled(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), null,
                null);
        assertThrows(IllegalArgumentException.class, () -> placed.missingRequired(cancelled));
    }

    @Test
    void metadataKeysAndPrimitivesCannotBeMadeOptional() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        assertRefused(OptionalEventId.class, new OptionalEventId(id, now, id));
        assertRefused(OptionalKey.class, new OptionalKey(id, now, id));
        assertRefused(OptionalPrimitive.class, new OptionalPrimitive(id, now, id, 1));
    }

    private record OptionalEventId(@OptionalField UUID eventId, Instant occurredAt, UUID orderId) implements Event {
    }

    private record OptionalKey(UUID eventId, Instant occurredAt, @OptionalField UUID orderId) implements Event {
    }

    private record OptionalPrimitive(UUID eventId, Instant occurredAt, UUID orderId, @OptionalField int count)
            implements Event {
    }

    private static <E extends Event> void assertRefused(Class<E> javaType, E event) {
        EventType<E> type = new EventType<>(javaType.getSimpleName(), javaType, Topic.SALES_ORDERS);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> type.missingRequired(event));
        assertTrue(refused.getMessage().contains(javaType.getSimpleName()), refused.getMessage());
    }

    /** What consumers read is what the annotations say: the README's table of optional fields is complete. */
    @Test
    void theReadmeListsExactlyTheOptionalFields() throws IOException {
        Map<String, Set<String>> annotated = new TreeMap<>();
        for (EventType<?> type : EventCatalog.all()) {
            Set<String> optional = new TreeSet<>();
            optionalPaths(type.javaType(), type.javaType(), "", optional);
            if (!optional.isEmpty()) {
                annotated.put(type.name(), optional);
            }
        }
        assertTrue(annotated.containsKey("ShipmentDispatched"), "no optional field at all: " + annotated);

        assertEquals(annotated, readmeTable());
    }

    // --- variants of the samples, derived from the record components and their annotations ---

    private record Variant(String path, Consumer<ObjectNode> change) {
    }

    /**
     * For every non-primitive field that is required ({@code required}) or optional (otherwise), at every depth
     * of the sample, the sample without it; for every list of the sample, the sample with a hole in the list
     * (required, always). Records nested in lists are entered through their last element, so the index shows.
     */
    private static List<Variant> variants(EventType<?> type, ObjectNode sample, boolean required) {
        List<Variant> variants = new ArrayList<>();
        collectVariants(type.javaType(), type.javaType(), sample, "", "", required, variants);
        return variants;
    }

    private static void collectVariants(Class<?> recordType, Class<?> eventType, JsonNode node, String pointer,
            String path, boolean required, List<Variant> variants) {
        for (RecordComponent component : recordType.getRecordComponents()) {
            if (component.getType().isPrimitive()) {
                continue;
            }
            String name = component.getName();
            String childPath = path.isEmpty() ? name : path + "." + name;
            String childPointer = pointer + "/" + name;
            JsonNode child = node.get(name);
            assertNotNull(child, childPath + " is not in the sample");
            if (isOptional(component, eventType) != required) {
                variants.add(new Variant(childPath, json -> ((ObjectNode) json.at(pointer)).remove(name)));
            }
            Class<?> valueType = component.getType();
            if (valueType.isRecord()) {
                collectVariants(valueType, eventType, child, childPointer, childPath, required, variants);
            } else if (List.class.isAssignableFrom(valueType) && !child.isEmpty()) {
                int index = child.size() - 1;
                String elementPath = childPath + "[" + index + "]";
                if (required) {
                    variants.add(new Variant(elementPath, json -> ((ArrayNode) json.at(childPointer)).setNull(index)));
                }
                Class<?> elementType = elementType(component);
                if (elementType.isRecord()) {
                    collectVariants(elementType, eventType, child.get(index), childPointer + "/" + index,
                            elementPath, required, variants);
                }
            }
        }
    }

    /** JSON pointers of the number and flag fields of the sample, nested ones through lists' last elements. */
    private static List<String> primitiveFields(Class<?> recordType, JsonNode node, String pointer) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            String childPointer = pointer + "/" + component.getName();
            JsonNode child = node.get(component.getName());
            if (component.getType().isPrimitive()) {
                fields.add(childPointer);
            } else if (component.getType().isRecord()) {
                fields.addAll(primitiveFields(component.getType(), child, childPointer));
            } else if (List.class.isAssignableFrom(component.getType()) && !child.isEmpty()
                    && elementType(component).isRecord()) {
                int index = child.size() - 1;
                fields.addAll(primitiveFields(elementType(component), child.get(index), childPointer + "/" + index));
            }
        }
        return fields;
    }

    /** An event's optional fields as the README writes them: {@code billingAddress.region}, {@code lines[].taxRate}. */
    private static void optionalPaths(Class<?> recordType, Class<?> eventType, String path, Set<String> optional) {
        for (RecordComponent component : recordType.getRecordComponents()) {
            String childPath = path.isEmpty() ? component.getName() : path + "." + component.getName();
            if (isOptional(component, eventType)) {
                optional.add(childPath);
            }
            if (component.getType().isRecord()) {
                optionalPaths(component.getType(), eventType, childPath, optional);
            } else if (List.class.isAssignableFrom(component.getType()) && elementType(component).isRecord()) {
                optionalPaths(elementType(component), eventType, childPath + "[]", optional);
            }
        }
    }

    private static boolean isOptional(RecordComponent component, Class<?> eventType) {
        OptionalField optional = component.getAnnotation(OptionalField.class);
        return optional != null && (optional.in().length == 0 || Arrays.asList(optional.in()).contains(eventType));
    }

    private static Class<?> elementType(RecordComponent component) {
        Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        return (Class<?>) element;
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static String last(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    // --- README ---

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (\\w+(?:, \\w+)*) \\| (.+) \\|$");
    private static final Pattern FIELD = Pattern.compile("`([\\w.\\[\\]]+)`");

    /**
     * The table under "Required and optional fields": event names, then the optional fields in backticks, each
     * followed by an explanation in parentheses, maybe.
     */
    private static Map<String, Set<String>> readmeTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf("## Required and optional fields");
        assertTrue(start >= 0, "README.md has no section \"Required and optional fields\"");
        Map<String, Set<String>> table = new TreeMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = TABLE_ROW.matcher(line);
            if (!row.matches() || row.group(1).equals("event")) {
                continue;
            }
            Set<String> fields = new TreeSet<>();
            Matcher field = FIELD.matcher(row.group(2).replaceAll("\\([^)]*\\)", "")); // not the explanations
            while (field.find()) {
                fields.add(field.group(1));
            }
            for (String event : row.group(1).split(", ")) {
                table.put(event, fields);
            }
        }
        return table;
    }

    // --- samples ---

    private static ObjectNode sample(EventType<?> type) throws IOException {
        try (InputStream in = RequiredFieldsTest.class.getResourceAsStream("/samples/" + type.name() + ".json")) {
            assertNotNull(in, "no sample for " + type.name());
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static Event read(JsonNode json, EventType<?> type) throws IOException {
        return JSON.treeToValue(json, type.javaType());
    }
}
