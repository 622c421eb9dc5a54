package org.ordercycle.kit.topics;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.quarkus.runtime.PreventFurtherStepsException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;
import org.ordercycle.events.Topic;
import org.ordercycle.kit.KafkaClients;
import org.ordercycle.kit.KitConfig;

/**
 * Sets up every topic of the catalog and its dead-letter topic before the channels start: creates the missing ones
 * (unless {@code ordercycle.kit.topics.create=false}, where an operator such as Strimzi owns them) and verifies the
 * existing ones. Topics are never left to auto-creation, and a service never runs on a topic whose partition count
 * or cleanup policy differs from the catalog's: more or fewer partitions move keys to other partitions (per-key
 * order breaks), and a compacted topic loses events that a delete topic would keep (or the other way round). Such a
 * difference stops the service with one line that names it.
 *
 * <p>If the broker is not reachable at start, the service starts anyway (its outbox holds the events) and sets up
 * the topics in the background as soon as the broker answers; a difference found then stops the service too.
 */
@ApplicationScoped
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);

    /** The settings verified on existing topics (when the required topic names them), and who requires them. */
    private static final SortedMap<String, String> VERIFIED = new TreeMap<>(Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, "the catalog",
            TopicConfig.RETENTION_MS_CONFIG, "ordercycle.kit.dead-letters.retention",
            TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, "ordercycle.kit.topics.max-compaction-lag"));

    /**
     * How long a record may stay uncompacted on a compacted topic unless configured otherwise: a customer's erased
     * snapshots are gone from the broker within about this time after CustomerErased (right to erasure).
     */
    public static final Duration DEFAULT_MAX_COMPACTION_LAG = Duration.ofDays(1);

    private final KitConfig config;
    private final KafkaClients kafka;
    private final List<NewTopic> required;
    private final Consumer<String> stopService;
    private volatile Thread retrying;

    @Inject
    TopicSetup(KitConfig config, KafkaClients kafka) {
        this(config, kafka, catalogTopics(config.topics().replicationFactor(), config.topics().minInsyncReplicas(),
                config.deadLetters().retention(), config.topics().maxCompactionLag()), TopicSetup::stopService);
    }

    /**
     * Sets up the {@code required} topics; {@code stopService} gets the one line when a difference is found after
     * start-up. (Tests give topics of their own and watch the line.)
     */
    TopicSetup(KitConfig config, KafkaClients kafka, List<NewTopic> required, Consumer<String> stopService) {
        this.config = config;
        this.kafka = kafka;
        this.required = required;
        this.stopService = stopService;
    }

    /**
     * One way an existing topic differs from what the service requires, e.g. "topic sales.orders has 3 partitions,
     * the catalog says 6".
     */
    public record Difference(String topic, String setting, String actual, String required, String requiredBy) {

        static final String PARTITIONS = "partitions";

        @Override
        public String toString() {
            String has = setting.equals(PARTITIONS) ? actual + " partitions" : setting + "=" + actual;
            return "topic " + topic + " has " + has + ", " + requiredBy + " says " + required;
        }
    }

    /**
     * The catalog's topics and their dead-letter topics, as they must exist on the broker: partitions from the
     * catalog, cleanup policy explicit (compact for the catalog's compacted topics, delete for the others and every
     * dead-letter topic), dead letters kept for {@code deadLetterRetention} whatever the broker's default.
     */
    public static List<NewTopic> catalogTopics(short replicationFactor, int minInsyncReplicas,
            Duration deadLetterRetention) {
        return catalogTopics(replicationFactor, minInsyncReplicas, deadLetterRetention, DEFAULT_MAX_COMPACTION_LAG);
    }

    /**
     * As above; the compacted topics get {@code max.compaction.lag.ms} = {@code maxCompactionLag}, so that a key's
     * superseded records (a customer's snapshots before CustomerErased) are compacted away within that time.
     */
    public static List<NewTopic> catalogTopics(short replicationFactor, int minInsyncReplicas,
            Duration deadLetterRetention, Duration maxCompactionLag) {
        String minInsync = Integer.toString(minInsyncReplicas);
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            Map<String, String> configs = new java.util.HashMap<>(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG,
                    topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync));
            if (topic.compacted()) {
                configs.put(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, Long.toString(maxCompactionLag.toMillis()));
            }
            topics.add(new NewTopic(topic.topicName(), topic.partitions(), replicationFactor).configs(configs));
            // Each dead letter is a case for an operator to look at: kept as long as configured, never compacted away.
            topics.add(new NewTopic(topic.deadLetterTopic(), topic.partitions(), replicationFactor).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync,
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(deadLetterRetention.toMillis()))));
        }
        return topics;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup) {
        boolean done;
        try {
            done = setUp(config.topics().startupTimeout());
        } catch (TopicsNotAsRequired e) {
            // Quarkus prints the message of this exception alone, as one line, and exits with 1.
            throw new PreventFurtherStepsException(e.getMessage(), 1);
        }
        if (!done) {
            LOG.warnf("Kafka did not answer within %s; the service starts and sets up its topics when it does",
                    config.topics().startupTimeout());
            retrying = new Thread(this::retryUntilSetUp, config.service() + "-topic-setup");
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

    private void retryUntilSetUp() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (setUp(config.topics().startupTimeout())) {
                    LOG.info("Kafka topics set up");
                    return;
                }
            } catch (TopicsNotAsRequired e) {
                stopService.accept(e.getMessage());
                return;
            }
            try {
                Thread.sleep(RETRY_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Sets up the required topics: true when they are as required, false when the broker did not answer in time.
     *
     * @throws TopicsNotAsRequired with one line naming every difference, when the broker answered and a topic is not
     *         as required (or cannot be created)
     */
    boolean setUp(Duration timeout) {
        Map<String, Object> adminConfig = kafka.config("topic-setup");
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 10_000));
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        boolean create = config.topics().create();
        List<String> problems;
        try (Admin admin = Admin.create(adminConfig)) {
            problems = setUp(admin, required, create, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            if (!permanent(e.getCause())) {
                LOG.debugf("Kafka topics not set up yet: %s", e.getCause().getMessage());
                return false;
            }
            problems = List.of("Kafka refused the topic set-up: " + e.getCause().getMessage());
        } catch (TimeoutException | RuntimeException e) {
            LOG.debugf("Kafka topics not set up yet: %s", e.getMessage());
            return false;
        }
        if (!problems.isEmpty()) {
            throw new TopicsNotAsRequired("Kafka topics are not as this service requires: "
                    + String.join("; ", problems)
                    + (create ? "" : " (topic creation is off: ordercycle.kit.topics.create=false)"));
        }
        return true;
    }

    /**
     * Creates the missing {@code required} topics if {@code create}, and verifies the existing ones (their partition
     * count and the {@linkplain #VERIFIED verified settings} the required topic names); where the kit creates topics it
     * also owns their retention, so a dead-letter topic's retention is brought to the required one instead of
     * reported. Returns what is not as required, one phrase each; empty when all is.
     *
     * @throws ExecutionException when Kafka answers a request with an error (the cause)
     * @throws TimeoutException when Kafka does not answer in time
     */
    public static List<String> setUp(Admin admin, List<NewTopic> required, boolean create, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        long millis = timeout.toMillis();
        Set<String> existing = admin.listTopics().names().get(millis, MILLISECONDS);
        List<NewTopic> missing = required.stream().filter(topic -> !existing.contains(topic.name())).toList();
        List<NewTopic> present = required.stream().filter(topic -> existing.contains(topic.name())).toList();
        List<String> problems = new ArrayList<>();
        if (create) {
            problems.addAll(create(admin, missing, millis));
        } else {
            missing.forEach(topic -> problems.add("topic " + topic.name() + " does not exist"));
        }
        List<Difference> retention = new ArrayList<>();
        for (Difference difference : differences(admin, present, timeout)) {
            boolean compactionLag = difference.setting().equals(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG);
            if (create && (compactionLag || difference.setting().equals(TopicConfig.RETENTION_MS_CONFIG))) {
                retention.add(difference);
            } else if (compactionLag) {
                // An operator owns the topics: a missing compaction lag delays erasure on the broker, it loses nothing.
                LOG.warnf("%s; set it on the topic so that erased records leave the broker in time", difference);
            } else {
                problems.add(difference.toString());
            }
        }
        setRetention(admin, retention, millis);
        return problems;
    }

    /** How each of the {@code required} topics, all existing, differs from what is required. */
    public static List<Difference> differences(Admin admin, List<NewTopic> required, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (required.isEmpty()) {
            return List.of();
        }
        long millis = timeout.toMillis();
        List<String> names = required.stream().map(NewTopic::name).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                .get(millis, MILLISECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream().map(TopicSetup::resource).toList())
                .all().get(millis, MILLISECONDS);
        List<Difference> differences = new ArrayList<>();
        for (NewTopic topic : required) {
            int partitions = descriptions.get(topic.name()).partitions().size();
            if (partitions != topic.numPartitions()) {
                differences.add(new Difference(topic.name(), Difference.PARTITIONS, Integer.toString(partitions),
                        Integer.toString(topic.numPartitions()), "the catalog"));
            }
            Config actual = configs.get(resource(topic.name()));
            VERIFIED.forEach((setting, requiredBy) -> {
                String value = topic.configs() == null ? null : topic.configs().get(setting);
                ConfigEntry entry = actual.get(setting);
                String actualValue = entry == null ? null : entry.value();
                if (value != null && !value.equals(actualValue)) {
                    differences.add(new Difference(topic.name(), setting, actualValue, value, requiredBy));
                }
            });
        }
        return differences;
    }

    private static List<String> create(Admin admin, List<NewTopic> missing, long millis)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (missing.isEmpty()) {
            return List.of();
        }
        // Topics that cannot be created, by the broker's reason (usually the same for all: one phrase for them all).
        Map<String, List<String>> refused = new LinkedHashMap<>();
        Map<String, KafkaFuture<Void>> creations = admin.createTopics(missing).values();
        for (NewTopic topic : missing) {
            try {
                creations.get(topic.name()).get(millis, MILLISECONDS);
                LOG.infof("Created Kafka topic %s", topic.name());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    continue; // another replica of the service created it a moment ago
                }
                if (!permanent(e.getCause())) {
                    throw e;
                }
                refused.computeIfAbsent(e.getCause().getMessage(), reason -> new ArrayList<>()).add(topic.name());
            }
        }
        NewTopic any = missing.get(0);
        List<String> problems = new ArrayList<>();
        refused.forEach((reason, topics) -> problems.add(
                "%s %s cannot be created with replication factor %d and %s %s: %s"
                .formatted(topics.size() == 1 ? "topic" : "topics", String.join(", ", topics), any.replicationFactor(),
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                        any.configs() == null ? "default" : any.configs().get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
                        reason)));
        return problems;
    }

    private static void setRetention(Admin admin, List<Difference> retention, long millis)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (retention.isEmpty()) {
            return;
        }
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        retention.forEach(difference -> changes.computeIfAbsent(resource(difference.topic()), topic -> new ArrayList<>())
                .add(new AlterConfigOp(new ConfigEntry(difference.setting(), difference.required()),
                        AlterConfigOp.OpType.SET)));
        admin.incrementalAlterConfigs(changes).all().get(millis, MILLISECONDS);
        retention.forEach(difference -> LOG.infof(difference.setting().equals(TopicConfig.RETENTION_MS_CONFIG)
                ? "Kafka topic %s now keeps records for %s ms (it kept them for %s ms)"
                : "Kafka topic %s now compacts records within %s ms (before: %s)",
                difference.topic(), difference.required(), difference.actual()));
    }

    /** Logs the line and stops the service as SIGTERM would (shutdown hooks run), with exit code 1. */
    private static void stopService(String line) {
        LOG.error(line);
        Quarkus.asyncExit(1);
    }

    /** An error that asking again will not change: a wrong setting, a missing right, a refused configuration. */
    private static boolean permanent(Throwable error) {
        return error instanceof ApiException && !(error instanceof RetriableException);
    }

    private static ConfigResource resource(String topic) {
        return new ConfigResource(ConfigResource.Type.TOPIC, topic);
    }

    /** The broker answered, and its topics are not as the service requires: the service must not run. */
    static final class TopicsNotAsRequired extends RuntimeException {

        TopicsNotAsRequired(String message) {
            super(message, null, false, false);
        }
    }
}
