package org.ordercycle.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of events, shared by every producer and consumer so that both sides agree byte for byte
 * on what the catalog's samples show.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Dates and durations as ISO-8601 text (2026-11-25, 2026-11-25T12:00:00Z, PT48H), readable by anyone.
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            // Decimals as strings, never in exponent form: no consumer may round money through a double.
            // Reading accepts strings and plain JSON numbers alike.
            .withConfigOverride(BigDecimal.class,
                    override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // A newer producer may add fields; an older consumer must still read the event.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Numbers and flags are required (they cannot be marked optional): one that is absent or null must not
            // read as 0 or false and be applied as if it were a value. The record is unreadable instead: poison.
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Absent optional fields stay absent rather than "null".
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventJson() {
    }

    /**
     * The shared mapper. Thread-safe for reading and writing; don't reconfigure it — take {@code copy()} for
     * anything different.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
