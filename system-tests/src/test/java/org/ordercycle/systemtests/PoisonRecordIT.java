package org.ordercycle.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.EventCatalog;
import org.ordercycle.events.EventType;
import org.ordercycle.events.Topic;
import org.ordercycle.launcher.Department;
import org.ordercycle.launcher.Suite;

/**
 * Issue 14, part 2: a poison record on every topic a service consumes (as its application.properties declares,
 * read at run time) lands in {@code <topic>.dlq} with the kit's dead-letter headers, once per consuming service,
 * and every consumer goes on: a well-formed record sent after it on the same partition is consumed and committed.
 *
 * <p>The poison: a record without {@code ce_type} (poison for every consumer), and for every event type of the
 * topic a record of that type whose value is not JSON (poison for each service that handles the type).
 */
class PoisonRecordIT {

    private static final Pattern INCOMING_TOPIC = Pattern.compile("^mp\\.messaging\\.incoming\\.[^.]+\\.topic=(.+)$");
    /** One key per topic for every run: on the compacted contact.customers only the follow-up stays. */
    private static final String KEY = "hostile-poison-probe";
    private static final List<String> DEAD_LETTER_HEADERS = List.of("dead-letter-reason", "dead-letter-topic",
            "dead-letter-partition", "dead-letter-offset", "dead-letter-consumer", "dead-letter-id");

    @Test
    void aPoisonRecordOnEveryConsumedTopicIsDeadLetteredByEveryConsumerAndTheConsumersGoOn() throws Exception {
        Suite suite = SharedSuite.get();
        long started = System.nanoTime();
        Map<String, Set<Department>> consumers = consumedTopics();
        assertThat(consumers).as("topics the services consume").isNotEmpty();

        // Per topic: the offsets (partition 0) of the untyped poison, of each typed poison, and of the follow-up.
        Map<String, Long> untyped = new TreeMap<>();
        Map<String, Map<Long, String>> typed = new TreeMap<>();
        Map<String, Long> followUp = new TreeMap<>();
        try (KafkaProducer<String, String> producer = producer(suite)) {
            for (String topic : consumers.keySet()) {
                untyped.put(topic, send(producer, topic, null, "{this is not json"));
                Map<Long, String> offsets = new TreeMap<>();
                for (EventType<?> type : EventCatalog.on(Topic.named(topic).orElseThrow())) {
                    offsets.put(send(producer, topic, type.name(), "{\"eventId\": not json at all"), type.name());
                }
                typed.put(topic, offsets);
                followUp.put(topic, send(producer, topic, "HostileProbeFollowUp",
                        "{\"eventId\":\"" + UUID.randomUUID() + "\"}"));
            }
        }

        // Every consumer dead-letters the untyped poison and at least one typed poison, with the kit's headers.
        Map<String, List<ConsumerRecord<String, String>>> deadLetters = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            missing.clear();
            for (String topic : consumers.keySet()) {
                List<ConsumerRecord<String, String>> ours = deadLetters(suite, topic + ".dlq", topic, untyped.get(topic));
                deadLetters.put(topic, ours);
                for (Department department : consumers.get(topic)) {
                    String service = department.serviceName();
                    boolean untypedThere = ours.stream().anyMatch(r -> service.equals(header(r, "dead-letter-consumer"))
                            && String.valueOf(untyped.get(topic)).equals(header(r, "dead-letter-offset")));
                    boolean typedThere = ours.stream().anyMatch(r -> service.equals(header(r, "dead-letter-consumer"))
                            && typed.get(topic).containsKey(Long.parseLong(header(r, "dead-letter-offset"))));
                    if (!untypedThere) {
                        missing.add(topic + ".dlq lacks " + service + "'s dead letter of the untyped poison");
                    }
                    if (!typedThere) {
                        missing.add(topic + ".dlq lacks " + service + "'s dead letter of a typed poison");
                    }
                }
            }
            if (!missing.isEmpty()) {
                SuiteState.sleep(Duration.ofMillis(500));
            }
        } while (!missing.isEmpty() && System.nanoTime() < deadline);
        assertThat(missing).as("dead letters").isEmpty();
        for (Map.Entry<String, List<ConsumerRecord<String, String>>> entry : deadLetters.entrySet()) {
            for (ConsumerRecord<String, String> record : entry.getValue()) {
                for (String name : DEAD_LETTER_HEADERS) {
                    assertThat(header(record, name)).as(name + " of a dead letter on " + entry.getKey() + ".dlq")
                            .isNotBlank();
                }
                assertThat(header(record, "dead-letter-topic")).isEqualTo(entry.getKey());
                assertThat(header(record, "dead-letter-partition")).isEqualTo("0");
                assertThat(record.key()).as("a dead letter keeps its record's key").isEqualTo(KEY);
            }
        }

        // The consumers went on: each group has committed past the follow-up record on every topic it reads.
        List<String> stuck = new ArrayList<>();
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            stuck.clear();
            Properties adminConfig = new Properties();
            adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().bootstrapServers());
            try (Admin admin = Admin.create(adminConfig)) {
                for (String topic : consumers.keySet()) {
                    for (Department department : consumers.get(topic)) {
                        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(department.serviceName())
                                .partitionsToOffsetAndMetadata().get().get(new TopicPartition(topic, 0));
                        if (committed == null || committed.offset() <= followUp.get(topic)) {
                            stuck.add(department.serviceName() + " on " + topic + " at "
                                    + (committed == null ? "nothing" : committed.offset()) + ", follow-up at "
                                    + followUp.get(topic));
                        }
                    }
                }
            }
            if (!stuck.isEmpty()) {
                SuiteState.sleep(Duration.ofMillis(500));
            }
        } while (!stuck.isEmpty() && System.nanoTime() < deadline);
        assertThat(stuck).as("consumers that did not go on after the poison").isEmpty();

        int letters = deadLetters.values().stream().mapToInt(List::size).sum();
        System.out.printf("%nPoison: %d topics, %d consumer subscriptions, %d dead letters in the .dlq topics,"
                        + " every consumer went on; %.1f s%n", consumers.size(),
                consumers.values().stream().mapToInt(Set::size).sum(), letters, (System.nanoTime() - started) / 1e9);
        resolve(suite, deadLetters);
    }

    /** The topics each service reads, from its application.properties ({@code mp.messaging.incoming.*.topic}). */
    private static Map<String, Set<Department>> consumedTopics() {
        Path root = Path.of(System.getProperty("ordercycle.root", "..")).toAbsolutePath().normalize();
        Map<String, Set<Department>> topics = new TreeMap<>();
        for (Department department : Department.values()) {
            Path properties = root.resolve(department.serviceName()).resolve("src/main/resources/application.properties");
            try {
                for (String line : Files.readAllLines(properties)) {
                    Matcher matcher = INCOMING_TOPIC.matcher(line.strip());
                    if (matcher.matches()) {
                        topics.computeIfAbsent(matcher.group(1).strip(), t -> new TreeSet<>()).add(department);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return topics;
    }

    private static KafkaProducer<String, String> producer(Suite suite) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config);
    }

    /** Sends to partition 0 and returns the offset. A null type sends no {@code ce_type} header at all. */
    private static long send(KafkaProducer<String, String> producer, String topic, String type, String value)
            throws Exception {
        List<Header> headers = new ArrayList<>();
        headers.add(new RecordHeader("ce_id", UUID.randomUUID().toString().getBytes(UTF_8)));
        headers.add(new RecordHeader("ce_source", "hostile-input-test".getBytes(UTF_8)));
        headers.add(new RecordHeader("ce_specversion", "1.0".getBytes(UTF_8)));
        headers.add(new RecordHeader("content-type", "application/json".getBytes(UTF_8)));
        if (type != null) {
            headers.add(new RecordHeader("ce_type", type.getBytes(UTF_8)));
        }
        return producer.send(new ProducerRecord<>(topic, 0, KEY, value, headers)).get().offset();
    }

    /** This run's dead letters of {@code topic} (offsets from {@code fromOffset} on partition 0). */
    private static List<ConsumerRecord<String, String>> deadLetters(Suite suite, String dlq, String topic,
            long fromOffset) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> ours = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlq).stream()
                    .map(info -> new TopicPartition(dlq, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    String offset = header(record, "dead-letter-offset");
                    if (topic.equals(header(record, "dead-letter-topic")) && "0".equals(header(record,
                            "dead-letter-partition")) && offset != null && Long.parseLong(offset) >= fromOffset) {
                        ours.add(record);
                    }
                }
            }
        }
        return ours;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    /**
     * Marks this test's dead letters resolved in each service (admin API), so that the services' dead-letter checks
     * and the fault suite's "no dead letter but for poison" see nothing of ours waiting.
     */
    private static void resolve(Suite suite, Map<String, List<ConsumerRecord<String, String>>> deadLetters)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = suite.token("hostile", Duration.ofMinutes(10), "admin");
        Map<String, Department> byName = new HashMap<>();
        for (Department department : Department.values()) {
            byName.put(department.serviceName(), department);
        }
        for (List<ConsumerRecord<String, String>> records : deadLetters.values()) {
            for (ConsumerRecord<String, String> record : records) {
                Department department = byName.get(header(record, "dead-letter-consumer"));
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(SharedSuite.url(department)
                                + "/admin/dead-letters/" + header(record, "dead-letter-id") + "/resolve"))
                        .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("resolving " + header(record, "dead-letter-id") + ": "
                        + answer.body()).isIn(200, 204, 409);
            }
        }
    }
}
