package org.ordercycle.kit.topics;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;
import org.ordercycle.events.Topic;
import org.ordercycle.kit.KafkaClients;
import org.ordercycle.kit.KitConfig;

/**
 * Creates every topic of the catalog and its dead-letter topic with their partition counts, before the channels
 * start: topics are never left to auto-creation (which would pick the wrong partition count). If the broker is
 * not reachable at start, the service starts anyway and keeps trying in the background; its outbox holds events.
 */
@ApplicationScoped
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    private final KitConfig config;
    private final KafkaClients kafka;
    private volatile Thread retrying;

    TopicSetup(KitConfig config, KafkaClients kafka) {
        this.config = config;
        this.kafka = kafka;
    }

    /** The catalog's topics and their dead-letter topics, as they must exist on the broker. */
    public static List<NewTopic> catalogTopics(short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            NewTopic events = new NewTopic(topic.topicName(), topic.partitions(), replicationFactor);
            if (topic.compacted()) {
                events.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(events);
            // Dead letters are kept for the retention period whatever their topic: each one is a case to look at.
            topics.add(new NewTopic(topic.deadLetterTopic(), topic.partitions(), replicationFactor));
        }
        return topics;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup) {
        if (!config.topics().create()) {
            return;
        }
        if (!createTopics(config.topics().startupTimeout().toMillis())) {
            LOG.warnf("Kafka topics not created within %s; the service starts and keeps trying",
                    config.topics().startupTimeout());
            retrying = new Thread(this::retryUntilCreated, config.service() + "-topic-setup");
            retrying.setDaemon(true);
            retrying.start();
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        Thread thread = retrying;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void retryUntilCreated() {
        while (!Thread.currentThread().isInterrupted()) {
            if (createTopics(config.topics().startupTimeout().toMillis())) {
                LOG.info("Kafka topics created");
                return;
            }
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Creates the missing topics; true when all of them exist. */
    boolean createTopics(long timeoutMillis) {
        Map<String, Object> adminConfig = kafka.config("topic-setup");
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMillis, 10_000));
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMillis);
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(timeoutMillis, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = catalogTopics(config.topics().replicationFactor()).stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .toList();
            if (missing.isEmpty()) {
                return true;
            }
            admin.createTopics(missing).values().forEach((name, creation) -> {
                try {
                    creation.get(timeoutMillis, TimeUnit.MILLISECONDS);
                    LOG.infof("Created Kafka topic %s", name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + name + ": " + e.getCause().getMessage(), e);
                    }
                } catch (InterruptedException | TimeoutException e) {
                    throw new IllegalStateException("topic " + name + " not created in time", e);
                }
            });
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debugf("Kafka topics not created yet: %s", e.getMessage());
            return false;
        }
    }
}
