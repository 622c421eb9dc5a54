package org.ordercycle.kit;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.agroal.api.AgroalDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.testinfra.TestInfra;

/** Events, database queries and raw Kafka access shared by the kit's tests. */
final class KitTestSupport {

    private KitTestSupport() {
    }

    static OrderPlaced orderPlaced(UUID orderId) {
        return orderPlaced(orderId, "alice");
    }

    static OrderPlaced orderPlaced(UUID orderId, String salesperson) {
        return new OrderPlaced(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(),
                List.of(new OrderLine(1, "SKU-1", BigDecimal.ONE, null, null, null)), "EUR", null, null,
                salesperson);
    }

    static long count(AgroalDataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof UUID[] ids) {
                    query.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else {
                    query.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long effectsOf(AgroalDataSource dataSource, UUID orderId) {
        return count(dataSource, "select count(*) from test_effect where order_id = ?", orderId);
    }

    static long effectsOfEvent(AgroalDataSource dataSource, UUID eventId) {
        return count(dataSource, "select count(*) from test_effect where event_id = ?", eventId);
    }

    /**
     * Effects of the given orders applied out of publication order: per order, an effect whose outbox row is older
     * than the effect before it.
     */
    static long outOfOrderEffects(AgroalDataSource dataSource, Collection<UUID> orderIds) {
        return count(dataSource, """
                select count(*) from (
                  select o.id, lag(o.id) over (partition by e.order_id order by e.seq) as previous
                  from test_effect e join kit_outbox o on o.event_id = e.event_id
                  where e.order_id = any(?)) ordered
                where previous > id""", (Object) orderIds.toArray(UUID[]::new));
    }

    static void send(String topic, String key, String value, Map<String, String> headers) {
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
    static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            // Read until nothing new has come for two seconds (the group needs a moment to get its partitions).
            while (System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos() || records.isEmpty()
                    && System.nanoTime() - quietSince < Duration.ofSeconds(10).toNanos()) {
                var batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    batch.forEach(records::add);
                    quietSince = System.nanoTime();
                }
            }
        }
        return records;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}
