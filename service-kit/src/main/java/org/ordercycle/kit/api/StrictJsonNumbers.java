package org.ordercycle.kit.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.LocalDate;

/**
 * A whole number in a request is a whole number: {@code "paymentTermDays": 14.5} is a 400, not silently 14 days
 * (Jackson's default truncates). And a date is an ISO-8601 text: {@code "requestedDate": 20260101} is a 400, not
 * silently the 20,260,101st day after 1970 (year 57440; Jackson's lenient default reads a number as epoch days). For
 * every service.
 */
@Singleton
public class StrictJsonNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
    }
}
