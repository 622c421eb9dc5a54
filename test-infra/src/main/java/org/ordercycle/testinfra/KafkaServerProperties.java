package org.ordercycle.testinfra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;

/** The server.properties of a single-node KRaft broker (broker and controller in one process). */
final class KafkaServerProperties {

    private static final String CONTROLLER_VOTERS = "controller.quorum.bootstrap.servers";
    private static final String HOST = "127.0.0.1";

    private KafkaServerProperties() {
    }

    static void write(Path file, int port, int controllerPort, Path logDir) {
        List<String> lines = List.of(
                "# Written by org.ordercycle.testinfra.KafkaBroker on every start.",
                "process.roles=broker,controller",
                "node.id=1",
                CONTROLLER_VOTERS + "=" + HOST + ":" + controllerPort,
                "listeners=PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + HOST + ":" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDir.toAbsolutePath(),
                "# Services create their topics (and .dlq topics) explicitly, with their partition count.",
                "auto.create.topics.enable=false",
                "num.partitions=3",
                "# One node: internal topics cannot have more replicas. Few partitions make the first",
                "# consumer group and the first transaction start faster.",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "# Tests should not wait for more members to join a new group.",
                "group.initial.rebalance.delay.ms=0",
                "# After a crash the controller keeps the old broker registration until its session times out;",
                "# the restarted broker cannot register before that (the default, 9 s, made every restart slow).",
                "broker.session.timeout.ms=3000",
                "broker.heartbeat.interval.ms=500");
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /**
     * The controller port of an existing server.properties. A formatted log directory records the
     * controller's address, so a kept data directory must keep its controller port.
     */
    static OptionalInt controllerPort(Path file) {
        if (!Files.exists(file)) {
            return OptionalInt.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        String voters = properties.getProperty(CONTROLLER_VOTERS, "");
        int colon = voters.lastIndexOf(':');
        if (colon < 0) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(voters.substring(colon + 1).trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
