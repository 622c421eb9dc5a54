package org.ordercycle.sales;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ordercycle.events.Event;
import org.ordercycle.events.EventJson;
import org.ordercycle.kit.testing.TopicClient;

/** What sales published, read back from its topics. */
public final class SalesEvents {

    private SalesEvents() {
    }

    /** The events of the type published on the topic with the key, oldest first (possibly none). */
    public static <E extends Event> List<E> published(String topic, Object key, Class<E> type) {
        return TopicClient.readAll(topic).stream()
                .filter(record -> key.toString().equals(record.key()))
                .filter(record -> type.getSimpleName().equals(TopicClient.header(record, "ce_type")))
                .map(record -> read(record, type))
                .toList();
    }

    /** Waits until at least one event of the type was published with the key, and returns them all. */
    public static <E extends Event> List<E> awaitPublished(String topic, Object key, Class<E> type) {
        return await().atMost(30, SECONDS).until(() -> published(topic, key, type), found -> !found.isEmpty());
    }

    /** The types of every event published on the topic with the key, oldest first. */
    public static List<String> types(String topic, Object key) {
        return TopicClient.readAll(topic).stream().filter(record -> key.toString().equals(record.key()))
                .map(record -> TopicClient.header(record, "ce_type")).toList();
    }

    private static <E> E read(ConsumerRecord<String, String> record, Class<E> type) {
        try {
            return EventJson.mapper().readValue(record.value(), type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
