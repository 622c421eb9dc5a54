package org.ordercycle.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the AsyncAPI 3.0 document of the published language from the records themselves: every topic of
 * {@link Topic} (and its dead-letter topic) as a channel, every event of {@link EventCatalog} as a message with the
 * JSON schema of its record. Required is what {@link EventType#missingRequired} requires: every field not marked
 * {@link OptionalField} (for nested records, in that event). Descriptions come from the records' Javadoc.
 *
 * <p>{@code AsyncApiDocumentTest} compares the result with {@code asyncapi.yaml}; run it with
 * {@code -Dasyncapi.write=true} to write the file anew.
 */
final class AsyncApiDocument {

    static final String VERSION = "0.1.0";

    private final Path sources;
    private final Map<String, Object> schemas = new LinkedHashMap<>();

    /** @param sources the module's {@code src/main/java}, where the Javadoc is read */
    AsyncApiDocument(Path sources) {
        this.sources = sources;
    }

    String yaml() {
        ObjectMapper mapper = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build());
        try {
            return "# Generated from the order-events records by AsyncApiDocumentTest; do not edit. Regenerate with\n"
                    + "#   ./mvnw -B -o test -pl order-events -Dtest=AsyncApiDocumentTest -Dasyncapi.write=true\n"
                    + mapper.writeValueAsString(document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("asyncapi", "3.0.0");
        document.put("info", map(
                "title", "OrderCycle events",
                "version", VERSION,
                "description", """
                        The published language of OrderCycle: every event one department publishes for the others, \
                        on Kafka. Each record's value is the event as JSON (decimals as strings, moments ISO-8601, \
                        absent optional fields left out); its key is the topic's key field; CloudEvents 1.0 attributes \
                        travel as headers (binary mode). Unknown fields must be ignored by consumers: producers add \
                        optional fields over time. A record that lacks a required field is poison: consumers \
                        dead-letter it to <topic>.dlq."""));
        document.put("defaultContentType", "application/json");
        document.put("servers", map("kafka", map(
                "host", "ordercycle-kafka-bootstrap:9093",
                "protocol", "kafka-secure",
                "description", "The Strimzi cluster of deploy/kubernetes (TLS, SCRAM-SHA-512); KAFKA_BOOTSTRAP_SERVERS locally.")));
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            List<EventType<?>> types = EventCatalog.on(topic);
            Map<String, Object> channelMessages = new LinkedHashMap<>();
            for (EventType<?> type : types) {
                channelMessages.put(type.name(), map("$ref", "#/components/messages/" + type.name()));
                messages.put(type.name(), message(type));
            }
            String department = topic.topicName().substring(0, topic.topicName().indexOf('.'));
            String channel = channelId(topic.topicName());
            channels.put(channel, map(
                    "address", topic.topicName(),
                    "title", topic.topicName(),
                    "description", "Published by " + department + "-service. Key: " + topic.keyField() + ". "
                            + topic.partitions() + " partitions. "
                            + (topic.compacted()
                                    ? "Compacted: every event is a complete snapshot, the latest one per key is kept for good."
                                    : "Records are kept for the broker's retention (7 days)."),
                    "messages", channelMessages,
                    "bindings", map("kafka", map(
                            "topic", topic.topicName(),
                            "partitions", topic.partitions(),
                            "topicConfiguration", map("cleanup.policy", List.of(topic.compacted() ? "compact" : "delete")),
                            "bindingVersion", "0.5.0"))));
            channels.put(channel + "Dlq", map(
                    "address", topic.deadLetterTopic(),
                    "title", topic.deadLetterTopic(),
                    "description", "Events of " + topic.topicName() + " a consuming service could not apply, as they "
                            + "were read, with the dead-letter-* headers (reason, cause, original topic, partition and "
                            + "offset, dead-letter-consumer, dead-letter-handler, dead-letter-id). Kept 30 days.",
                    "messages", channelMessages,
                    "bindings", map("kafka", map(
                            "topic", topic.deadLetterTopic(),
                            "partitions", topic.partitions(),
                            "topicConfiguration", map("cleanup.policy", List.of("delete"), "retention.ms", 2_592_000_000L),
                            "bindingVersion", "0.5.0"))));
            List<Object> refs = new ArrayList<>();
            types.forEach(type -> refs.add(map("$ref", "#/channels/" + channel + "/messages/" + type.name())));
            operations.put("publish" + Character.toUpperCase(channel.charAt(0)) + channel.substring(1), map(
                    "action", "send",
                    "title", department + "-service publishes on " + topic.topicName(),
                    "description", "Through its transactional outbox: at least once, in commit order per key.",
                    "channel", map("$ref", "#/channels/" + channel),
                    "messages", refs));
        }
        document.put("channels", channels);
        document.put("operations", operations);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("messages", messages);
        components.put("schemas", schemas);
        document.put("components", components);
        return document;
    }

    private Map<String, Object> message(EventType<?> type) {
        schemas.put(type.name(), recordSchema(type.javaType(), type.javaType()));
        return map(
                "name", type.name(),
                "title", type.name(),
                "contentType", "application/json",
                "headers", map("type", "object", "properties", headers(type), "required",
                        List.of("ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "ce_specversion")),
                "payload", map("$ref", "#/components/schemas/" + type.name()),
                "bindings", map("kafka", map(
                        "key", map("type", "string", "description", "the event's " + type.keyField()),
                        "bindingVersion", "0.5.0")));
    }

    private static Map<String, Object> headers(EventType<?> type) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("ce_id", map("type", "string", "format", "uuid", "description", "the event's eventId"));
        headers.put("ce_source", map("type", "string", "description", "the publishing service, e.g. sales-service"));
        headers.put("ce_type", map("type", "string", "const", type.name()));
        headers.put("ce_time", map("type", "string", "format", "date-time", "description", "the event's occurredAt"));
        headers.put("ce_subject", map("type", "string", "description", "the event's " + type.keyField() + " (the key)"));
        headers.put("ce_specversion", map("type", "string", "const", "1.0"));
        headers.put("ce_correlationid", map("type", "string", "description", "ties the events of one business flow together"));
        headers.put("content-type", map("type", "string", "const", "application/json"));
        headers.put("traceparent", map("type", "string", "description", "W3C trace context of the publishing transaction"));
        return headers;
    }

    /** The schema of a record as it appears in {@code event}: its components, required unless optional there. */
    private Map<String, Object> recordSchema(Class<?> record, Class<?> event) {
        Javadoc javadoc = javadoc(record);
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            Map<String, Object> schema = new LinkedHashMap<>(schema(component.getGenericType(), event));
            String description = javadoc.params().get(component.getName());
            if (description != null && !schema.containsKey("$ref")) {
                schema.put("description", description);
            }
            properties.put(component.getName(), schema);
            if (component.getType().isPrimitive() || !optional(component, event)) {
                required.add(component.getName());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        if (!javadoc.text().isEmpty()) {
            schema.put("description", javadoc.text());
        }
        schema.put("properties", properties);
        schema.put("required", required);
        return schema;
    }

    private static boolean optional(RecordComponent component, Class<?> event) {
        OptionalField optional = component.getAnnotation(OptionalField.class);
        return optional != null && (optional.in().length == 0 || (event != null && Arrays.asList(optional.in()).contains(event)));
    }

    private Map<String, Object> schema(Type type, Class<?> event) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return map("type", "array", "items", schema(generic.getActualTypeArguments()[0], event));
        }
        Class<?> plain = (Class<?>) type;
        if (plain == UUID.class) {
            return map("type", "string", "format", "uuid");
        }
        if (plain == Instant.class) {
            return map("type", "string", "format", "date-time");
        }
        if (plain == LocalDate.class) {
            return map("type", "string", "format", "date");
        }
        if (plain == YearMonth.class) {
            return map("type", "string", "pattern", "^[0-9]{4}-[0-9]{2}$");
        }
        if (plain == Duration.class) {
            return map("type", "string", "format", "duration");
        }
        if (plain == BigDecimal.class) {
            return map("type", "string", "pattern", "^-?[0-9]+(\\.[0-9]+)?$", "$comment",
                    "an exact decimal written as a string, its scale kept");
        }
        if (plain == String.class) {
            return map("type", "string");
        }
        if (plain == int.class || plain == Integer.class || plain == long.class || plain == Long.class) {
            return map("type", "integer");
        }
        if (plain == boolean.class || plain == Boolean.class) {
            return map("type", "boolean");
        }
        if (plain.isEnum()) {
            return map("type", "string", "enum", Arrays.stream(plain.getEnumConstants()).map(Object::toString).toList());
        }
        if (plain.isRecord()) {
            // A nested record is shared (Money, Address, OrderLine …) unless a field of it is optional only in some
            // events: then this event gets a variant of its own, e.g. OrderLineInOrderPlaced.
            Map<String, Object> here = recordSchema(plain, event);
            String name = here.equals(recordSchema(plain, null)) ? plain.getSimpleName()
                    : plain.getSimpleName() + "In" + event.getSimpleName();
            schemas.putIfAbsent(name, here);
            return map("$ref", "#/components/schemas/" + name);
        }
        throw new IllegalStateException("no JSON schema for " + type + " (used in " + event.getSimpleName() + ")");
    }

    private static String channelId(String topicName) {
        StringBuilder id = new StringBuilder();
        boolean upper = false;
        for (char c : topicName.toCharArray()) {
            if (c == '.') {
                upper = true;
            } else {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return id.toString();
    }

    // ---- Javadoc of the records ----

    private record Javadoc(String text, Map<String, String> params) {
    }

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|linkplain)\\s+([^}]*)}");

    private Javadoc javadoc(Class<?> type) {
        Path file = sources.resolve(type.getName().replace('.', '/') + ".java");
        if (!Files.isRegularFile(file)) {
            return new Javadoc("", Map.of());
        }
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher matcher = Pattern.compile("/\\*\\*(.*?)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*public\\s+(?:record|enum)\\s+"
                + type.getSimpleName() + "\\b", Pattern.DOTALL).matcher(source);
        if (!matcher.find()) {
            return new Javadoc("", Map.of());
        }
        StringBuilder text = new StringBuilder();
        Map<String, String> params = new LinkedHashMap<>();
        String param = null;
        for (String line : matcher.group(1).split("\n")) {
            String content = line.strip().replaceFirst("^\\*\\s?", "").strip();
            if (content.startsWith("@param")) {
                String[] parts = content.substring("@param".length()).strip().split("\\s+", 2);
                param = parts[0];
                params.put(param, parts.length > 1 ? parts[1] : "");
            } else if (content.startsWith("@")) {
                param = "";
            } else if (param == null) {
                text.append(' ').append(content);
            } else if (!param.isEmpty()) {
                params.put(param, params.get(param) + " " + content);
            }
        }
        params.replaceAll((name, description) -> clean(description));
        params.values().removeIf(String::isEmpty);
        return new Javadoc(clean(text.toString()), params);
    }

    private static String clean(String javadoc) {
        String text = INLINE_TAG.matcher(javadoc).replaceAll(match -> Matcher.quoteReplacement(
                match.group(1).replace('#', '.').strip()));
        return text.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
