package org.ordercycle.kit.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordercycle.kit.topics.TestTopics.create;
import static org.ordercycle.kit.topics.TestTopics.setting;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.Topic;
import org.ordercycle.kit.KafkaClients;
import org.ordercycle.testinfra.OrderCycleTestResource;
import org.ordercycle.testinfra.TestInfra;

/**
 * The broker creates no topic by itself here: every topic that exists, the kit created at start. The verification
 * is tried on topics of their own (named {@code setup-…}), never on the catalog's, which every test shares.
 */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(0)
class TopicSetupTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long THIRTY_DAYS_MS = Duration.ofDays(30).toMillis();

    @Inject
    KafkaClientService channels;

    @Inject
    KafkaClients kafkaClients;

    @Test
    void customerSnapshotsAreKeptForGood() throws Exception {
        try (Admin admin = admin()) {
            assertThat(setting(admin, "contact.customers", TopicConfig.CLEANUP_POLICY_CONFIG)).isEqualTo("compact");
        }
    }

    @Test
    void everyCatalogTopicAndItsDeadLetterTopicExistWithTheirPartitions() throws Exception {
        Set<String> expected = TopicSetup.catalogTopics((short) 1, 1, Duration.ofDays(30)).stream().map(NewTopic::name)
                .collect(Collectors.toSet());
        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(expected).allTopicNames().get(30, TimeUnit.SECONDS);

            assertThat(topics).hasSize(Topic.values().length * 2);
            for (Topic topic : Topic.values()) {
                assertThat(topics.get(topic.topicName()).partitions()).as(topic.topicName()).hasSize(topic.partitions());
                assertThat(topics.get(topic.deadLetterTopic()).partitions()).as(topic.deadLetterTopic())
                        .hasSize(topic.partitions());
                assertThat(setting(admin, topic.topicName(), TopicConfig.CLEANUP_POLICY_CONFIG)).as(topic.topicName())
                        .isEqualTo(topic.compacted() ? "compact" : "delete");
                assertThat(setting(admin, topic.deadLetterTopic(), TopicConfig.CLEANUP_POLICY_CONFIG))
                        .as(topic.deadLetterTopic()).isEqualTo("delete");
            }
        }
    }

    @Test
    void deadLetterTopicsKeepTheirRecordsThirtyDays() throws Exception {
        try (Admin admin = admin()) {
            for (Topic topic : Topic.values()) {
                assertThat(setting(admin, topic.deadLetterTopic(), TopicConfig.RETENTION_MS_CONFIG)).as(topic.deadLetterTopic())
                        .isEqualTo(Long.toString(THIRTY_DAYS_MS));
            }
        }
    }

    @Test
    void compactedTopicsDropSupersededRecordsWithinTheMaxCompactionLag() throws Exception {
        String customers = unique("customers");
        try (Admin admin = admin()) {
            for (Topic topic : Topic.values()) {
                if (topic.compacted()) {
                    assertThat(setting(admin, topic.topicName(), TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG))
                            .as(topic.topicName()).isEqualTo(Long.toString(Duration.ofDays(1).toMillis()));
                }
            }
            // an existing compacted topic without it gets it (as a dead-letter topic gets its retention)
            create(admin, new NewTopic(customers, 3, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")));
            NewTopic required = new NewTopic(customers, 3, (short) 1).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, "compact", TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, "3600000"));

            assertThat(TopicSetup.setUp(admin, List.of(required), false, TIMEOUT)).as("only warned when not creating").isEmpty();
            assertThat(setting(admin, customers, TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG)).isNotEqualTo("3600000");
            assertThat(TopicSetup.setUp(admin, List.of(required), true, TIMEOUT)).isEmpty();
            assertThat(setting(admin, customers, TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG)).isEqualTo("3600000");
        }
    }

    @Test
    void existingTopicWithOtherPartitionsOrCleanupPolicyIsReportedAndLeftAlone() throws Exception {
        String orders = unique("orders");
        String customers = unique("customers");
        try (Admin admin = admin()) {
            create(admin, new NewTopic(orders, 3, (short) 1),
                    new NewTopic(customers, 3, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")));

            List<String> problems = TopicSetup.setUp(admin, List.of(
                    new NewTopic(orders, 6, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")),
                    new NewTopic(customers, 3, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact"))),
                    true, TIMEOUT);

            assertThat(problems).containsExactly(
                    "topic " + orders + " has 3 partitions, the catalog says 6",
                    "topic " + customers + " has cleanup.policy=delete, the catalog says compact");
            assertThat(admin.describeTopics(List.of(orders)).allTopicNames().get(30, TimeUnit.SECONDS).get(orders)
                    .partitions()).hasSize(3);
            assertThat(setting(admin, customers, TopicConfig.CLEANUP_POLICY_CONFIG)).isEqualTo("delete");
        }
    }

    @Test
    void withCreationOffMissingTopicsAreReportedNotCreated() throws Exception {
        String missing = unique("missing");
        String missingDeadLetters = missing + ".dlq";
        try (Admin admin = admin()) {
            List<String> problems = TopicSetup.setUp(admin, List.of(new NewTopic(missing, 3, (short) 1),
                    new NewTopic(missingDeadLetters, 3, (short) 1)), false, TIMEOUT);

            assertThat(problems).containsExactly("topic " + missing + " does not exist",
                    "topic " + missingDeadLetters + " does not exist");
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(missing, missingDeadLetters);
        }
    }

    @Test
    void withCreationOffADeadLetterTopicWithAnotherRetentionIsReported() throws Exception {
        String deadLetters = unique("retention") + ".dlq";
        try (Admin admin = admin()) {
            create(admin, new NewTopic(deadLetters, 3, (short) 1));
            String brokerDefault = setting(admin, deadLetters, TopicConfig.RETENTION_MS_CONFIG);

            List<String> problems = TopicSetup.setUp(admin, List.of(deadLetterTopic(deadLetters)), false, TIMEOUT);

            assertThat(problems).containsExactly("topic " + deadLetters + " has retention.ms=" + brokerDefault
                    + ", ordercycle.kit.dead-letters.retention says " + THIRTY_DAYS_MS);
        }
    }

    @Test
    void deadLetterTopicGetsItsRetentionOnCreationAndWhereTheKitOwnsTopicsAfterwards() throws Exception {
        String created = unique("created") + ".dlq";
        String existing = unique("existing") + ".dlq";
        try (Admin admin = admin()) {
            create(admin, new NewTopic(existing, 3, (short) 1));

            List<String> problems = TopicSetup.setUp(admin, List.of(deadLetterTopic(created), deadLetterTopic(existing)),
                    true, TIMEOUT);

            assertThat(problems).isEmpty();
            assertThat(setting(admin, created, TopicConfig.RETENTION_MS_CONFIG)).isEqualTo(Long.toString(THIRTY_DAYS_MS));
            assertThat(setting(admin, existing, TopicConfig.RETENTION_MS_CONFIG)).isEqualTo(Long.toString(THIRTY_DAYS_MS));
        }
    }

    @Test
    void noClientOfTheServiceMakesTheBrokerCreateATopic() {
        Map<String, ?> channelConsumer = channels.getConsumer("sales-orders").configuration();
        assertThat(String.valueOf(channelConsumer.get(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG))).isEqualTo("false");
        assertThat(kafkaClients.config("replay")).containsEntry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    }

    private static NewTopic deadLetterTopic(String name) {
        return TopicSetup.catalogTopics((short) 1, 1, Duration.ofDays(30)).stream()
                .filter(topic -> topic.name().equals(Topic.SALES_QUOTES.deadLetterTopic())).findFirst()
                .map(template -> new NewTopic(name, 3, (short) 1).configs(template.configs())).orElseThrow();
    }

    private static String unique(String name) {
        return "setup-" + UUID.randomUUID().toString().substring(0, 8) + "." + name;
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers()));
    }
}
