package org.ordercycle.kit.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ordercycle.events.Event;
import org.ordercycle.events.EventCatalog;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.EventType;
import org.ordercycle.kit.EventKeys;
import org.ordercycle.testinfra.TestInfra;

/**
 * Raw access to the test broker's topics, as another department (or a misbehaving producer) would have it:
 * send events or arbitrary records, read what a topic holds.
 */
public final class TopicClient {

    private TopicClient() {
    }

    /** Sends the event as its producing department would: on its topic, keyed, with CloudEvents headers. */
    public static void sendEvent(Event event) {
        EventType<?> type = EventCatalog.of(event.getClass());
        String key = EventKeys.keyOf(event, type);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_id", event.eventId().toString());
        headers.put("ce_source", "test");
        headers.put("ce_type", type.name());
        headers.put("ce_time", event.occurredAt().toString());
        headers.put("ce_subject", key);
        headers.put("ce_specversion", "1.0");
        headers.put("content-type", "application/json");
        try {
            send(type.topic().topicName(), key, EventJson.mapper().writeValueAsString(event), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static void send(String topic, String key, String value, Map<String, String> headers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, header) -> record.headers().add(name, header.getBytes(UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** Every record currently on the topic, read by a fresh consumer group. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            Instant quietSince = Instant.now();
            // Read until nothing new has come for two seconds (the group needs a moment to get its partitions).
            while (Duration.between(quietSince, Instant.now()).compareTo(Duration.ofSeconds(records.isEmpty() ? 8 : 2)) < 0) {
                var batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    batch.forEach(records::add);
                    quietSince = Instant.now();
                }
            }
        }
        return records;
    }

    /** The record on the topic whose {@code ce_id} is the event's id. */
    public static ConsumerRecord<String, String> recordOf(String topic, UUID eventId) {
        return readAll(topic).stream().filter(record -> eventId.toString().equals(header(record, "ce_id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no record of event " + eventId + " on " + topic));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}
