package org.ordercycle.kit.replay;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.ordercycle.events.Topic;
import org.ordercycle.kit.KafkaClients;
import org.ordercycle.kit.KitConfig;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.inbox.EventDispatcher;
import org.ordercycle.kit.inbox.EventDispatcher.Delivery;
import org.ordercycle.kit.inbox.EventRouter;
import org.ordercycle.kit.inbox.EventRouter.Handler;
import org.ordercycle.kit.inbox.IncomingEvent;

/**
 * Replays a topic for handlers that are new (or were fixed): reads it from the earliest retained record up to the
 * end offsets at the replay's start, with a consumer of its own (group {@code <service>-replay-<id>}, no offsets
 * committed; the service's live consumer group is not touched), and delivers only to the named handlers, through
 * their inbox: a record a handler has applied already changes nothing. How far back it reaches is the topic's
 * retention ({@code contact.customers} is compacted: every customer's latest snapshot).
 *
 * <p>A replay lives in the service's memory: if the service stops, start it again (it is safe to repeat).
 */
@ApplicationScoped
public class Replays {

    private static final Logger LOG = Logger.getLogger(Replays.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final EventRouter router;
    private final EventDispatcher dispatcher;
    private final KafkaClients kafka;
    private final KitConfig config;
    private final Clock clock;
    private final Map<UUID, Replay> replays = new ConcurrentHashMap<>();
    private final Map<UUID, Thread> workers = new ConcurrentHashMap<>();

    Replays(EventRouter router, EventDispatcher dispatcher, KafkaClients kafka, KitConfig config, Clock clock) {
        this.router = router;
        this.dispatcher = dispatcher;
        this.kafka = kafka;
        this.config = config;
        this.clock = clock;
    }

    /** Starts replaying {@code topicName} for the handlers the names select (handler ids or bean class names). */
    public Replay.View start(String topicName, List<String> names, String requestedBy) {
        Topic topic = Topic.named(topicName).orElseThrow(() -> ProblemException.badRequest("topic",
                topicName + " is not a topic of the event catalog"));
        Set<Handler> selected = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            List<Handler> matching = router.select(topic, name);
            if (matching.isEmpty()) {
                unknown.add(name);
            }
            selected.addAll(matching);
        }
        if (!unknown.isEmpty()) {
            List<String> known = router.handlers().stream().filter(handler -> handler.type().topic() == topic)
                    .map(Handler::id).toList();
            throw ProblemException.unprocessable("Unknown handler",
                    String.join(", ", unknown) + " handles nothing on " + topicName + "; its handlers here are "
                            + (known.isEmpty() ? "none" : String.join(", ", known)));
        }
        Replay replay = new Replay(UUID.randomUUID(), topicName, selected.stream().map(Handler::id).toList(),
                requestedBy, clock.instant());
        replays.put(replay.id(), replay);
        Thread worker = new Thread(() -> run(replay, selected), config.service() + "-replay-" + replay.id());
        worker.setDaemon(true);
        workers.put(replay.id(), worker);
        LOG.infof("Replay %s of %s for %s started by %s", replay.id(), topicName, replay.handlers(), requestedBy);
        worker.start();
        return replay.view();
    }

    public Optional<Replay.View> find(UUID id) {
        return Optional.ofNullable(replays.get(id)).map(Replay::view);
    }

    public List<Replay.View> list() {
        return replays.values().stream().map(Replay::view)
                .sorted(Comparator.comparing(Replay.View::startedAt).reversed()).toList();
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        workers.values().forEach(Thread::interrupt);
    }

    private void run(Replay replay, Set<Handler> handlers) {
        Map<String, Object> consumerConfig = kafka.config("replay-" + replay.id());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, config.service() + "-replay-" + replay.id());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(replay.topic())) {
                partitions.add(new TopicPartition(replay.topic(), partition.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<Integer, Long> endOffsets = new HashMap<>();
            end.forEach((partition, offset) -> endOffsets.put(partition.partition(), offset));
            replay.reachesTo(endOffsets);
            while (!reached(consumer, end)) {
                ConsumerRecords<String, String> polled = consumer.poll(POLL);
                List<IncomingEvent> batch = new ArrayList<>(polled.count());
                for (ConsumerRecord<String, String> record : polled) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(IncomingEvent.from(record));
                    }
                }
                if (!batch.isEmpty()) {
                    List<Delivery> deliveries = dispatcher.deliver(batch, handlers::contains);
                    replay.count(deliveries);
                }
            }
            replay.finish(Replay.State.DONE, null, clock.instant());
            LOG.infof("Replay %s of %s done: %s", replay.id(), replay.topic(), replay.view());
        } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
            replay.finish(Replay.State.STOPPED, "the service stopped", clock.instant());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Replay %s of %s failed", replay.id(), replay.topic());
            replay.finish(Replay.State.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        } finally {
            workers.remove(replay.id());
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }
}
