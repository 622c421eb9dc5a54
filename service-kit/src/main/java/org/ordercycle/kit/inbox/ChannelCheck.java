package org.ordercycle.kit.inbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.ordercycle.events.Topic;

/**
 * Refuses to start a service whose Kafka channels would lose records: every incoming channel must read a topic of
 * the catalog and dead-letter to that topic's {@code .dlq}. SmallRye would otherwise send poison to
 * {@code dead-letter-topic-<channel>}, a topic nobody creates or reads.
 */
@ApplicationScoped
class ChannelCheck {

    private static final Pattern INCOMING_CONNECTOR = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    private static final String KAFKA = "smallrye-kafka";

    void onStart(@Observes StartupEvent startup, Config config) {
        List<String> problems = problems(config.getPropertyNames(),
                name -> config.getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Kafka channels misconfigured: " + String.join("; ", problems));
        }
    }

    /** What is wrong with the incoming Kafka channels in this configuration; empty when nothing is. */
    static List<String> problems(Iterable<String> propertyNames, Function<String, Optional<String>> value) {
        List<String> problems = new ArrayList<>();
        for (String name : propertyNames) {
            Matcher channel = INCOMING_CONNECTOR.matcher(name);
            if (!channel.matches() || !value.apply(name).map(KAFKA::equals).orElse(false)) {
                continue;
            }
            String prefix = "mp.messaging.incoming." + channel.group(1) + ".";
            String topicName = value.apply(prefix + "topic").orElse(channel.group(1));
            Optional<Topic> topic = Topic.named(topicName);
            if (topic.isEmpty()) {
                problems.add("channel " + channel.group(1) + " reads " + topicName + ", which is not in the event catalog");
                continue;
            }
            String deadLetters = value.apply(prefix + "dead-letter-queue.topic").orElse("(not set)");
            if (!deadLetters.equals(topic.get().deadLetterTopic())) {
                problems.add("channel " + channel.group(1) + " must set " + prefix + "dead-letter-queue.topic="
                        + topic.get().deadLetterTopic() + " (it is " + deadLetters + ")");
            }
        }
        return problems;
    }
}
