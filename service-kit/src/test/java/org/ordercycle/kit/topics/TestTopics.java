package org.ordercycle.kit.topics;

import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** Topics made and read by the topic set-up's tests, as an operator would with the broker's tools. */
final class TestTopics {

    private TestTopics() {
    }

    /** Creates the topics and waits until the broker describes them (it may not at once after creating them). */
    static void create(Admin admin, NewTopic... topics) throws Exception {
        admin.createTopics(List.of(topics)).all().get(30, TimeUnit.SECONDS);
        for (NewTopic topic : topics) {
            setting(admin, topic.name(), TopicConfig.CLEANUP_POLICY_CONFIG);
        }
    }

    /** A topic's setting, once the broker describes the topic. */
    static String setting(Admin admin, String topic, String name) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return await().atMost(30, TimeUnit.SECONDS).ignoreExceptions().until(() -> {
            Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS);
            return config.get(name).value();
        }, value -> true);
    }
}
