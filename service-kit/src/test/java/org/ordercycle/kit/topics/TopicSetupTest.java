package org.ordercycle.kit.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.Topic;
import org.ordercycle.testinfra.OrderCycleTestResource;
import org.ordercycle.testinfra.TestInfra;

/** The broker creates no topic by itself here: every topic that exists, the kit created at start. */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(0)
class TopicSetupTest {

    @Test
    void customerSnapshotsAreKeptForGood() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers()))) {
            assertThat(cleanupPolicy(admin, "contact.customers")).isEqualTo("compact");
        }
    }

    @Test
    void everyCatalogTopicAndItsDeadLetterTopicExistWithTheirPartitions() throws Exception {
        Set<String> expected = TopicSetup.catalogTopics((short) 1).stream().map(NewTopic::name)
                .collect(Collectors.toSet());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(expected).allTopicNames().get(30, TimeUnit.SECONDS);

            assertThat(topics).hasSize(Topic.values().length * 2);
            for (Topic topic : Topic.values()) {
                assertThat(topics.get(topic.topicName()).partitions()).as(topic.topicName()).hasSize(topic.partitions());
                assertThat(topics.get(topic.deadLetterTopic()).partitions()).as(topic.deadLetterTopic())
                        .hasSize(topic.partitions());
                assertThat(cleanupPolicy(admin, topic.topicName())).as(topic.topicName())
                        .isEqualTo(topic.compacted() ? "compact" : "delete");
                assertThat(cleanupPolicy(admin, topic.deadLetterTopic())).as(topic.deadLetterTopic()).isEqualTo("delete");
            }
        }
    }

    private static String cleanupPolicy(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }
}
