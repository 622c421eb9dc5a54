package org.ordercycle.production.order;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordercycle.production.Production.accepted;
import static org.ordercycle.production.Production.line;
import static org.ordercycle.production.Production.productWithStock;
import static org.ordercycle.production.stock.LedgerAssertions.assertLedgerEqualsFigures;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.Event;
import org.ordercycle.events.EventCatalog;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.EventType;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.kit.EventKeys;
import org.ordercycle.production.ProductionTestResource;
import org.ordercycle.testinfra.TestInfra;

/**
 * {@code sales.orders} is read by several copies of its channel at once (each its own consumer in the group): the
 * events of one order still apply in their order, and every acceptance reserves exactly once.
 */
@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class OrdersConsumersTest {

    private static final int ORDERS = 90;

    @Test
    void copiesOfTheOrdersChannelApplyEachOrdersEventsInOrderAndReserveOnce() throws Exception {
        List<String> skus = List.of(productWithStock(100), productWithStock(100), productWithStock(100));
        List<OrderAccepted> orders = new ArrayList<>();
        Set<UUID> cancelled = new HashSet<>();
        // Each cancellation right behind its acceptance, on the same key: applied before it, it would find nothing
        // to cancel, and the acceptance after it would reserve for a cancelled order.
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < ORDERS; i++) {
                OrderAccepted order = accepted(LocalDate.parse("2026-12-01"), line(1, skus.get(i % 3), 1 + i % 2));
                orders.add(order);
                send(producer, order);
                if (i % 3 != 1) {
                    cancelled.add(order.orderId());
                    send(producer, new OrderCancelled(UUID.randomUUID(), Instant.now(), order.orderId(), "test", "sam"));
                }
            }
        }

        Map<UUID, String> expected = orders.stream().collect(Collectors.toMap(OrderAccepted::orderId,
                order -> cancelled.contains(order.orderId()) ? "CANCELLED" : "RESERVED"));
        await().atMost(60, SECONDS).untilAsserted(() -> assertThat(statuses(orders)).isEqualTo(expected));
        for (int s = 0; s < 3; s++) {
            int sku = s;
            BigDecimal held = BigDecimal.valueOf(orders.stream()
                    .filter(order -> order.lines().get(0).sku().equals(skus.get(sku))
                            && !cancelled.contains(order.orderId()))
                    .mapToInt(order -> order.lines().get(0).quantity().intValue()).sum());
            assertThat(reserved(skus.get(s))).as("reserved of " + skus.get(s)).isEqualByComparingTo(held);
        }
        assertLedgerEqualsFigures(skus);
        // Every acceptance and cancellation moved the ledger once: no lost or doubled movement.
        assertThat(movements(skus, "RESERVATION")).isEqualTo(ORDERS);
        assertThat(movements(skus, "RELEASE")).isEqualTo(cancelled.size());

        // The copies really are separate consumers of the group, the topic's partitions shared among them (awaited:
        // right after start-up the group may still be settling its assignment).
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.kafka().bootstrapServers()))) {
            await().atMost(30, SECONDS).untilAsserted(() -> assertThat(salesOrdersAssignment(admin))
                    .hasSize(3).allSatisfy(partitions -> assertThat(partitions).hasSize(2)));
        }
    }

    /** The partitions of sales.orders each member of production's consumer group holds (members holding none left out). */
    private static List<Set<TopicPartition>> salesOrdersAssignment(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("production-service"))
                .describedGroups().get("production-service").get();
        return group.members().stream().map(MemberDescription::assignment)
                .map(assignment -> assignment.topicPartitions().stream()
                        .filter(partition -> partition.topic().equals("sales.orders"))
                        .collect(Collectors.toSet()))
                .filter(partitions -> !partitions.isEmpty()).toList();
    }

    private static void send(KafkaProducer<String, String> producer, Event event) throws Exception {
        EventType<?> type = EventCatalog.of(event.getClass());
        String key = EventKeys.keyOf(event, type);
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic().topicName(), key,
                EventJson.mapper().writeValueAsString(event));
        Map.of("ce_id", event.eventId().toString(), "ce_source", "test", "ce_type", type.name(), "ce_subject", key,
                        "ce_specversion", "1.0")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(UTF_8)));
        producer.send(record);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    @SuppressWarnings("unchecked")
    private static Map<UUID, String> statuses(List<OrderAccepted> orders) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("select id, status from production_order where id in (?1)")
                .setParameter(1, orders.stream().map(OrderAccepted::orderId).toList()).getResultList());
        return rows.stream().collect(Collectors.toMap(row -> (UUID) row[0], row -> (String) row[1]));
    }

    private static BigDecimal reserved(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> (BigDecimal) Panache.getEntityManager()
                .createNativeQuery("select reserved from stock where sku = ?1 and warehouse = 'MAIN'")
                .setParameter(1, sku).getSingleResult());
    }

    private static long movements(List<String> skus, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from stock_movement where sku in (?1) and kind = ?2")
                .setParameter(1, skus).setParameter(2, kind).getSingleResult()).longValue());
    }
}
