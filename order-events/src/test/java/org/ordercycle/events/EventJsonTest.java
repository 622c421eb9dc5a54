package org.ordercycle.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderLine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class EventJsonTest {

    private static final ObjectMapper JSON = EventJson.mapper();

    @Test
    void moneyIsWrittenAsAStringKeepingItsScale() throws JsonProcessingException {
        String written = JSON.writeValueAsString(new Money(new BigDecimal("12.50"), "EUR"));

        assertEquals("{\"amount\":\"12.50\",\"currency\":\"EUR\"}", written);
    }

    @Test
    void moneyReadsFromAStringOrANumberKeepingItsScale() throws JsonProcessingException {
        Money fromString = JSON.readValue("{\"amount\":\"12.50\",\"currency\":\"EUR\"}", Money.class);
        Money fromNumber = JSON.readValue("{\"amount\":12.50,\"currency\":\"EUR\"}", Money.class);

        assertEquals(new Money(new BigDecimal("12.50"), "EUR"), fromString);
        assertEquals(new Money(new BigDecimal("12.50"), "EUR"), fromNumber);
        assertEquals(2, fromNumber.amount().scale());
    }

    @Test
    void decimalsAreNeverWrittenInExponentForm() throws JsonProcessingException {
        String written = JSON.writeValueAsString(List.of(new BigDecimal("1E+3"), new BigDecimal("1E-8")));

        assertEquals("[\"1000\",\"0.00000001\"]", written);
    }

    @Test
    void datesAndDurationsAreWrittenAsIsoText() throws JsonProcessingException {
        String written = JSON.writeValueAsString(List.of(Instant.parse("2026-11-25T12:00:00Z"),
                LocalDate.of(2026, 11, 25), YearMonth.of(2026, 12), Duration.ofHours(48)));

        assertEquals("[\"2026-11-25T12:00:00Z\",\"2026-11-25\",\"2026-12\",\"PT48H\"]", written);
    }

    @Test
    void absentValuesAreLeftOutNotWrittenAsNull() throws JsonProcessingException {
        OrderLine unpriced = new OrderLine(1, "PUMP-200", new BigDecimal("4"), null, null, null, null);

        assertEquals("{\"lineNo\":1,\"sku\":\"PUMP-200\",\"quantity\":\"4\"}", JSON.writeValueAsString(unpriced));
    }
}
