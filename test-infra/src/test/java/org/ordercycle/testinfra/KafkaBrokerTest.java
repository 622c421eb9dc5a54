package org.ordercycle.testinfra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One ephemeral broker for the class; every test leaves it running. */
class KafkaBrokerTest {

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.startEphemeral();
    }

    @AfterAll
    static void closeBroker() {
        Path dir = broker.dir();
        broker.close();
        assertFalse(Files.exists(dir), "an ephemeral broker's folder is removed on close");
    }

    @Test
    void topicCanBeCreatedAndARecordProducedAndConsumed() throws Exception {
        KafkaClients.createTopic(broker, "sales.orders", 3);
        KafkaClients.produce(broker, "sales.orders", "order-1", "OrderAccepted");

        List<ConsumerRecord<String, String>> records = KafkaClients.consume(broker, "sales.orders", 1);
        assertEquals(1, records.size());
        assertEquals("order-1", records.get(0).key());
        assertEquals("OrderAccepted", records.get(0).value());
    }

    @Test
    void stopAndStartKeepTopicsAndRecords() throws Exception {
        KafkaClients.createTopic(broker, "billing.invoices", 1);
        KafkaClients.produce(broker, "billing.invoices", "invoice-1", "InvoiceIssued");

        broker.stop();
        assertFalse(broker.isRunning());
        broker.start();
        assertTrue(broker.isRunning());

        assertTrue(KafkaClients.topics(broker).contains("billing.invoices"));
        assertEquals("InvoiceIssued", KafkaClients.consume(broker, "billing.invoices", 1).get(0).value());
    }

    @Test
    void killedBrokerStartsAgain() throws Exception {
        KafkaClients.createTopic(broker, "returns.cases", 1);
        KafkaClients.produce(broker, "returns.cases", "case-1", "ReturnAuthorized");

        broker.kill();
        assertFalse(broker.isRunning());
        broker.start();
        assertTrue(broker.isRunning());

        KafkaClients.produce(broker, "returns.cases", "case-2", "ReturnReceived");
        assertEquals(2, KafkaClients.consume(broker, "returns.cases", 2).size());
    }

    @Test
    void topicsAreNeverCreatedAutomatically() throws Exception {
        try (Admin admin = KafkaClients.admin(broker)) {
            ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(node)).all().get(20, TimeUnit.SECONDS);
            assertEquals("false", configs.get(node).get("auto.create.topics.enable").value());
            assertEquals("3", configs.get(node).get("num.partitions").value());
        }
    }

    @Test
    void busyPortGivesAOneLineError(@org.junit.jupiter.api.io.TempDir Path dataDir) throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerStartException error = assertThrows(ServerStartException.class,
                    () -> KafkaBroker.startDurable(dataDir, busy.getLocalPort()));
            assertEquals("Kafka broker could not start on port " + busy.getLocalPort() + ": port in use", error.getMessage());
        }
    }

    @Test
    void brokerThatCannotStartGivesAOneLineErrorNamingItsLog(@org.junit.jupiter.api.io.TempDir Path dataDir) throws Exception {
        Path kafkaLogs = Files.createDirectories(dataDir.resolve("kafka-logs"));
        Files.writeString(kafkaLogs.resolve("meta.properties"), "version=1\nnode.id=7\ncluster.id=not-a-cluster\n");

        ServerStartException error = assertThrows(ServerStartException.class,
                () -> KafkaBroker.startDurable(dataDir, TestSupport.freePort()));
        assertTrue(error.getMessage().startsWith("Kafka broker exited with code"), error.getMessage());
        assertTrue(error.getMessage().endsWith("see " + dataDir.toAbsolutePath().resolve("broker.log")), error.getMessage());
        assertFalse(error.getMessage().contains("\n"), "one line");
    }

    @Test
    void brokerRunsTheKafkaVersionOfTheClients() throws Exception {
        String classpath;
        try (InputStream in = KafkaBroker.class.getResourceAsStream(BrokerJars.LISTING)) {
            assertNotNull(in, "the build writes " + BrokerJars.LISTING);
            classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(classpath.contains("/kafka_2.13-" + AppInfoParser.getVersion() + ".jar"),
                "kafka-clients " + AppInfoParser.getVersion() + " (Quarkus BOM) and the broker's kafka_2.13 differ");
    }
}
