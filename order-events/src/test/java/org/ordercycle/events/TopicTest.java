package org.ordercycle.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void topicsAreNamedDepartmentDotStreamAndUnique() {
        List<String> names = Arrays.stream(Topic.values()).map(Topic::topicName).toList();
        for (String name : names) {
            assertTrue(name.matches("(contact|sales|production|billing|returns)\\.[a-z]+"), name);
        }
        assertEquals(names.size(), Set.copyOf(names).size(), "duplicate topic names in " + names);
    }

    @Test
    void everyTopicIsFoundByItsName() {
        for (Topic topic : Topic.values()) {
            assertEquals(Optional.of(topic), Topic.named(topic.topicName()));
        }
        assertEquals(Optional.empty(), Topic.named("sales.orders.dlq"));
        assertEquals(Optional.empty(), Topic.named("SALES_ORDERS"));
    }

    @Test
    void deadLettersGoToTheTopicNameWithDlq() {
        assertEquals("sales.orders.dlq", Topic.SALES_ORDERS.deadLetterTopic());
        for (Topic topic : Topic.values()) {
            assertEquals(topic.topicName() + ".dlq", topic.deadLetterTopic());
        }
    }

    @Test
    void orderAndMoneyStreamsHaveMorePartitionsThanReferenceStreams() {
        Set<Topic> perOrderOrMoney = Set.of(Topic.SALES_ORDERS, Topic.PRODUCTION_SCHEDULE,
                Topic.PRODUCTION_SHIPMENTS, Topic.RETURNS_CASES, Topic.BILLING_INVOICES, Topic.BILLING_PAYMENTS);
        int fewestOfBusyStreams = perOrderOrMoney.stream().mapToInt(Topic::partitions).min().orElseThrow();
        for (Topic topic : Topic.values()) {
            assertTrue(topic.partitions() > 0, topic.name());
            if (!perOrderOrMoney.contains(topic)) {
                assertTrue(topic.partitions() < fewestOfBusyStreams, topic.name());
            }
        }
    }
}
