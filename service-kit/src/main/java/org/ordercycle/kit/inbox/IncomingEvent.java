package org.ordercycle.kit.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A record as it came off a topic, before anything is known about its content. */
public record IncomingEvent(String topic, int partition, long offset, String key, Map<String, String> headers,
        String value) {

    /** The records of one poll, in the order the broker gave them (per partition, by offset). */
    @SuppressWarnings("unchecked")
    public static List<IncomingEvent> fromBatch(Message<List<String>> batch) {
        IncomingKafkaRecordBatchMetadata<String, String> kafka = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a batch of Kafka records: " + batch
                        + " (the channel needs batch=true)"));
        List<IncomingEvent> records = new ArrayList<>(kafka.count());
        for (ConsumerRecord<String, String> record : kafka.getRecords()) {
            records.add(from(record));
        }
        return records;
    }

    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), UTF_8));
        }
        return new IncomingEvent(record.topic(), record.partition(), record.offset(), record.key(), headers,
                record.value());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
