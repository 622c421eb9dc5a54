package org.ordercycle.systemtests;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.ordercycle.launcher.Department;
import org.ordercycle.systemtests.CycleApi.Line;

/**
 * One trace follows an order across every Kafka hop, without a collector: the caller of {@code POST /orders} sends
 * its own {@code traceparent}; the order's events in sales, its shipment (a REST call of its own in production) and
 * the invoice billing issues for it all carry that trace id in their {@code traceparent} header.
 */
class TraceIT {

    private static final List<String> TOPICS = List.of("sales.orders", "production.shipments", "billing.invoices");

    @Test
    void invoiceIssuedCarriesTheTraceOfThePostOrdersThatStartedIt() {
        CycleApi api = CycleApi.onSharedSuite();
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String sku = "TRACE-" + run;
        UUID customer = api.registerCustomer("Trace Werke " + run, "0", 14);
        api.defineProduct(sku, "Traced widget", "2.00", 3);
        api.receiveStock(sku, "10");
        api.setPrice(sku, "9.99", "19");

        try (KafkaConsumer<String, String> consumer = watcher(SharedSuite.get().kafka().bootstrapServers())) {
            String traceId = newTraceId();
            UUID order = placeOnceKnown(customer, sku, "00-" + traceId + "-00f067aa0ba902b7-01");
            UUID shipment = api.shipOnceReserved(order, List.of(Line.of(1, "2")));

            Map<String, String> traceOf = new LinkedHashMap<>(); // event type -> trace id
            await().atMost(25, SECONDS).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    String type = header(record, "ce_type");
                    if (record.value() != null && record.value().contains(order.toString()) && type != null) {
                        traceOf.putIfAbsent(type, traceId(header(record, "traceparent")));
                    }
                }
                return traceOf.containsKey("InvoiceIssued");
            });
            System.out.println("Trace " + traceId + " of order " + order + " (shipment " + shipment + "): " + traceOf);
            assertThat(traceOf).containsKeys("OrderPlaced", "OrderAccepted", "ShipmentDispatched");
            assertThat(traceOf.get("OrderPlaced")).as("the trace of POST /orders").isEqualTo(traceId);
            assertThat(traceOf.get("ShipmentDispatched")).as("production's shipment continues the order's trace")
                    .isEqualTo(traceId);
            assertThat(traceOf.get("InvoiceIssued")).as("billing's invoice continues the shipment's trace")
                    .isEqualTo(traceId);
            assertThat(traceOf.values()).as("every event of the order on its way to the invoice").containsOnly(traceId);
        }
    }

    /** Retries (same Idempotency-Key) until sales knows the customer, always with the caller's traceparent. */
    private static UUID placeOnceKnown(UUID customer, String sku, String traceparent) {
        String key = UUID.randomUUID().toString();
        String token = SharedSuite.token("sam", "sales");
        Response[] placed = new Response[1];
        await().atMost(20, SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> {
            placed[0] = given().baseUri(SharedSuite.url(Department.SALES)).auth().oauth2(token)
                    .header("Idempotency-Key", key).header("traceparent", traceparent)
                    .contentType(ContentType.JSON)
                    .body("{\"customerId\": \"" + customer + "\", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 2}]}")
                    .post("/orders");
            return placed[0].statusCode() == 201;
        });
        return UUID.fromString(placed[0].path("id"));
    }

    /** Reads the order's topics from their current end on: only what this test causes (and others meanwhile). */
    private static KafkaConsumer<String, String> watcher(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start before the order is placed
        return consumer;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String traceId(String traceparent) {
        return traceparent == null ? null : traceparent.split("-")[1];
    }

    private static String newTraceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "%016x%016x".formatted(random.nextLong(), random.nextLong() | 1);
    }
}
