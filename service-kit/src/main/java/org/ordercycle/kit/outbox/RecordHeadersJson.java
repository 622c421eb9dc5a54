package org.ordercycle.kit.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.ordercycle.events.EventJson;

/** Kafka headers as a JSON object of text values, the way the kit keeps them in its tables. */
public final class RecordHeadersJson {

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private RecordHeadersJson() {
    }

    public static String write(Map<String, String> headers) {
        try {
            return EventJson.mapper().writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("headers not writable as JSON", e);
        }
    }

    public static Map<String, String> readMap(String json) {
        try {
            return EventJson.mapper().readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("headers not readable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Headers read(String json) {
        RecordHeaders headers = new RecordHeaders();
        readMap(json).forEach((name, value) -> headers.add(name, value == null ? null : value.getBytes(UTF_8)));
        return headers;
    }

    public static Map<String, String> of(Headers headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Header header : headers) {
            map.put(header.key(), header.value() == null ? null : new String(header.value(), UTF_8));
        }
        return map;
    }
}
