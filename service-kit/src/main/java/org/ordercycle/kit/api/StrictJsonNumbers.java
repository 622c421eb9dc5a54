package org.ordercycle.kit.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A whole number in a request is a whole number: {@code "paymentTermDays": 14.5} is a 400, not silently 14 days
 * (Jackson's default truncates). And a date is an ISO-8601 text ({@code "2026-01-31"}): {@code 20260101} is a 400,
 * not silently the 20,260,101st day after 1970 (Jackson's default reads a number as epoch days), and neither
 * {@code [2026, 1, 31]} nor {@code []} (which Jackson reads as no date at all) nor {@code ""} is a date. For every
 * service.
 */
@Singleton
public class StrictJsonNumbers implements ObjectMapperCustomizer {

    /** After Quarkus' own customizers, which register the JavaTimeModule: the last module registered wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(new SimpleModule("ordercycle-iso-dates").addDeserializer(LocalDate.class, new IsoDate()));
    }

    /** Only a JSON text in ISO-8601 form ({@code yyyy-mm-dd}) is a date; JSON null stays null. */
    static final class IsoDate extends StdScalarDeserializer<LocalDate> {

        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                        "not a date in ISO-8601 form (yyyy-mm-dd)");
            }
        }
    }
}
