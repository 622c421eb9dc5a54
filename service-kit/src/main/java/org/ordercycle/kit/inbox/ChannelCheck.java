package org.ordercycle.kit.inbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.ordercycle.events.Topic;
import org.ordercycle.kit.inbox.EventRouter.Handler;

/**
 * Refuses to start a service whose Kafka channels do not match its handlers, with one line saying what to change:
 * <ul>
 * <li>a channel for a topic the service has no handler for would move the service's offsets past every event of
 * that topic, and a handler added later would never see them — a service never subscribes "for later";</li>
 * <li>a handler whose topic no channel reads would silently never be called;</li>
 * <li>a channel must read a topic of the catalog, one channel per topic, in batches ({@code batch=true}).</li>
 * </ul>
 */
@ApplicationScoped
class ChannelCheck {

    private static final Pattern INCOMING_CONNECTOR = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    private static final String KAFKA = "smallrye-kafka";
    private static final String CONNECTOR_BATCH = "mp.messaging.connector." + KAFKA + ".batch";

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup, Config config,
            EventRouter router) {
        List<String> problems = problems(config.getPropertyNames(),
                name -> config.getOptionalValue(name, String.class), router.handlers());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Kafka channels do not match the event handlers: "
                    + String.join("; ", problems));
        }
    }

    /** What is wrong with the incoming Kafka channels for these handlers; empty when nothing is. */
    static List<String> problems(Iterable<String> propertyNames, Function<String, Optional<String>> value,
            Collection<Handler> handlers) {
        Map<Topic, List<String>> handlersByTopic = new LinkedHashMap<>();
        handlers.forEach(handler -> handlersByTopic.computeIfAbsent(handler.type().topic(), topic -> new ArrayList<>())
                .add(handler.id()));
        List<String> problems = new ArrayList<>();
        Map<Topic, String> channels = new LinkedHashMap<>();
        for (String name : propertyNames) {
            Matcher matcher = INCOMING_CONNECTOR.matcher(name);
            if (!matcher.matches() || !value.apply(name).map(KAFKA::equals).orElse(false)) {
                continue;
            }
            String channel = matcher.group(1);
            String prefix = "mp.messaging.incoming." + channel + ".";
            String topicName = value.apply(prefix + "topic").orElse(channel);
            Optional<Topic> topic = Topic.named(topicName);
            if (topic.isEmpty()) {
                problems.add("channel " + channel + " reads " + topicName + ", which is not in the event catalog");
                continue;
            }
            String other = channels.putIfAbsent(topic.get(), channel);
            if (other != null) {
                problems.add("channels " + other + " and " + channel + " both read " + topicName + ": keep one");
            }
            if (!handlersByTopic.containsKey(topic.get())) {
                problems.add("channel " + channel + " reads " + topicName + ", but no handler of this service reacts to"
                        + " its events: remove the channel until a handler needs it (a handler added later replays"
                        + " the topic)");
            }
            boolean batch = value.apply(prefix + "batch").or(() -> value.apply(CONNECTOR_BATCH))
                    .map(Boolean::parseBoolean).orElse(false);
            if (!batch) {
                problems.add("channel " + channel + " must read in batches: remove " + prefix + "batch=false");
            }
        }
        handlersByTopic.forEach((topic, ids) -> {
            if (!channels.containsKey(topic)) {
                String channel = topic.topicName().replace('.', '-');
                problems.add(String.join(", ", ids) + " react to " + topic.topicName() + ", which no channel reads: set "
                        + "mp.messaging.incoming." + channel + ".connector=" + KAFKA + " and mp.messaging.incoming."
                        + channel + ".topic=" + topic.topicName() + " and add an @Incoming(\"" + channel
                        + "\") method that calls EventDispatcher.dispatch");
            }
        });
        return problems;
    }
}
