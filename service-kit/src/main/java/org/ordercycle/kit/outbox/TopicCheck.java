package org.ordercycle.kit.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.ordercycle.kit.KafkaClients;

/**
 * Asks the broker whether a topic exists. The producer cannot tell: it waits for the topic's metadata and gives up
 * with the same timeout whether the topic is missing or the broker is down. Only the first is the row's fault.
 */
final class TopicCheck implements AutoCloseable {

    /** What the broker said about a topic. */
    enum Answer {
        EXISTS, MISSING, NO_ANSWER
    }

    private final KafkaClients kafka;
    private final Duration timeout;
    private Admin admin;

    TopicCheck(KafkaClients kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    Answer topic(String topic) {
        try {
            admin().describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Answer.EXISTS;
        } catch (ExecutionException e) {
            return e.getCause() instanceof UnknownTopicOrPartitionException ? Answer.MISSING : Answer.NO_ANSWER;
        } catch (TimeoutException e) {
            return Answer.NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.NO_ANSWER;
        }
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> config = kafka.config("outbox-relay-admin");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ZERO);
            admin = null;
        }
    }
}
