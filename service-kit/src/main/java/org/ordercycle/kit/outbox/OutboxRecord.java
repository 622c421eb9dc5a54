package org.ordercycle.kit.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.ordercycle.kit.CloudEventHeaders;

/** One unsent outbox row, and the Kafka record it becomes: a CloudEvent in binary mode. */
record OutboxRecord(long id, UUID eventId, String topic, String key, String type, String payload,
        Instant occurredAt, String correlationId, String traceparent, String headers) {

    static final String COLUMNS = "id, event_id, topic, event_key, event_type, payload, occurred_at, correlation_id, traceparent, headers";

    static OutboxRecord read(ResultSet row) throws SQLException {
        return new OutboxRecord(row.getLong("id"), row.getObject("event_id", UUID.class), row.getString("topic"),
                row.getString("event_key"), row.getString("event_type"), row.getString("payload"),
                row.getTimestamp("occurred_at").toInstant(), row.getString("correlation_id"), row.getString("traceparent"),
                row.getString("headers"));
    }

    ProducerRecord<String, String> toProducerRecord(String source) {
        if (this.headers != null) {
            // A record relayed as it was written (a dead-letter copy): its own headers, nothing added.
            return new ProducerRecord<>(topic, null, key, payload, RecordHeadersJson.read(this.headers));
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, bytes(eventId.toString()));
        headers.add(CloudEventHeaders.SOURCE, bytes(source));
        headers.add(CloudEventHeaders.TYPE, bytes(type));
        headers.add(CloudEventHeaders.TIME, bytes(occurredAt.toString()));
        headers.add(CloudEventHeaders.SUBJECT, bytes(key));
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        headers.add(CloudEventHeaders.CORRELATION_ID, bytes(correlationId));
        if (traceparent != null) {
            headers.add(CloudEventHeaders.TRACEPARENT, bytes(traceparent));
        }
        return new ProducerRecord<>(topic, null, key, payload, headers);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(UTF_8);
    }
}
