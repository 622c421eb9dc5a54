package org.ordercycle.kit.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A record as it came off a topic, before anything is known about its content. */
public record IncomingEvent(String topic, int partition, long offset, String key, Map<String, String> headers,
        String value) {

    @SuppressWarnings("unchecked")
    public static IncomingEvent from(Message<String> message) {
        IncomingKafkaRecordMetadata<String, String> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a Kafka record: " + message));
        Map<String, String> headers = new HashMap<>();
        for (Header header : kafka.getHeaders()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), UTF_8));
        }
        return new IncomingEvent(kafka.getTopic(), kafka.getPartition(), kafka.getOffset(), kafka.getKey(), headers,
                message.getPayload());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
