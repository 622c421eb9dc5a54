package org.ordercycle.kit.topics;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.runtime.PreventFurtherStepsException;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordercycle.kit.KafkaClients;
import org.ordercycle.kit.KitConfig;
import org.ordercycle.testinfra.TestInfra;

/**
 * The start-up paths of the topic set-up, on a topic of its own (the catalog's topics on the shared broker must stay
 * as they are) that was made with 3 partitions where the service requires 6.
 */
class TopicSetupStartTest {

    private String topic;
    private String difference;

    @BeforeEach
    void topicWithTheWrongPartitionCount() throws Exception {
        topic = "setup-" + UUID.randomUUID().toString().substring(0, 8) + ".orders";
        difference = "topic " + topic + " has 3 partitions, the catalog says 6";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers()))) {
            TestTopics.create(admin, new NewTopic(topic, 3, (short) 1));
        }
    }

    @Test
    void aDifferenceFoundAtStartFailsStartUpWithOneLine() {
        TopicSetup setup = topicSetup(Map.of(), TestInfra.kafka().bootstrapServers(), List.of(required(topic, 6)), line -> {
        });

        // Quarkus prints the message of this exception, alone, and exits with its code.
        assertThatThrownBy(() -> setup.onStart(null))
                .isInstanceOf(PreventFurtherStepsException.class)
                .hasMessage("Kafka topics are not as this service requires: " + difference)
                .satisfies(e -> assertThat(((PreventFurtherStepsException) e).getExitCode()).isEqualTo(1));
    }

    @Test
    void withCreationOffAMissingTopicFailsStartUpWithOneLine() {
        String missing = topic + "-missing";
        TopicSetup setup = topicSetup(Map.of("ordercycle.kit.topics.create", "false"), TestInfra.kafka().bootstrapServers(),
                List.of(required(missing, 3)), line -> {
                });

        assertThatThrownBy(() -> setup.onStart(null))
                .isInstanceOf(PreventFurtherStepsException.class)
                .hasMessage("Kafka topics are not as this service requires: topic " + missing + " does not exist"
                        + " (topic creation is off: ordercycle.kit.topics.create=false)");
    }

    @Test
    void aReplicationFactorTheBrokersCannotGiveFailsStartUpWithOneLine() {
        String first = topic + "-a";
        String second = topic + "-b";
        TopicSetup setup = topicSetup(Map.of(), TestInfra.kafka().bootstrapServers(), List.of(
                new NewTopic(first, 3, (short) 3).configs(Map.of("min.insync.replicas", "2")),
                new NewTopic(second, 3, (short) 3).configs(Map.of("min.insync.replicas", "2"))), line -> {
                });

        assertThatThrownBy(() -> setup.onStart(null))
                .isInstanceOf(PreventFurtherStepsException.class)
                .hasMessageStartingWith("Kafka topics are not as this service requires: topics " + first + ", " + second
                        + " cannot be created with replication factor 3 and min.insync.replicas 2: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aDifferenceFoundWhenTheBrokerAnswersLaterStopsTheService() {
        List<String> stopped = new CopyOnWriteArrayList<>();
        // The configured address answers nothing at first; then a broker answers there (the address is switched to
        // the running broker, which is as good as the broker starting and much faster).
        Map<String, Object> kafka = new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + closedPort()));
        TopicSetup setup = topicSetup(Map.of("ordercycle.kit.topics.startup-timeout", "PT1S"), kafka, List.of(required(topic, 6)),
                stopped::add);
        try {
            setup.onStart(null); // the broker does not answer: the service starts, and keeps trying
            assertThat(stopped).isEmpty();

            kafka.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers());

            await().atMost(30, SECONDS).until(() -> !stopped.isEmpty());
            assertThat(stopped).containsExactly("Kafka topics are not as this service requires: " + difference);
        } finally {
            setup.onStop(null);
        }
    }

    private static NewTopic required(String name, int partitions) {
        return new NewTopic(name, partitions, (short) 1).configs(Map.of("cleanup.policy", "delete"));
    }

    private static TopicSetup topicSetup(Map<String, String> settings, String bootstrapServers, List<NewTopic> required,
            Consumer<String> stopService) {
        return topicSetup(settings, Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), required, stopService);
    }

    private static TopicSetup topicSetup(Map<String, String> settings, Map<String, Object> kafka, List<NewTopic> required,
            Consumer<String> stopService) {
        Map<String, String> values = new HashMap<>(Map.of(
                "ordercycle.kit.service", "topic-setup-test",
                "ordercycle.kit.topics.startup-timeout", "PT20S"));
        values.putAll(settings);
        // As Quarkus reads it, with its duration format ("5s") besides ISO-8601.
        KitConfig config = new SmallRyeConfigBuilder().withMapping(KitConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()).withDefaultValues(values).build()
                .getConfigMapping(KitConfig.class);
        return new TopicSetup(config, new KafkaClients(kafka, config), required, stopService);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
