package org.ordercycle.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one process) in a child JVM.
 *
 * <p>Its folder holds {@code server.properties}, the broker's log {@code broker.log}, its JVM's GC log
 * {@code gc.log}, {@code broker.pid} and the Kafka data in {@code kafka-logs/}. Every control (stop, kill, start, isRunning) works from that folder
 * and the pid file, so any handle on the same folder controls the same broker, whichever class loader or
 * object started it.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String SERVER = "Kafka broker";
    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** Logged by KafkaRaftServer once broker and controller serve requests. */
    private static final String STARTED_MARKER = "Kafka Server started";

    /** slf4j-simple writes to stderr, which goes to broker.log. */
    private static final List<String> LOGGING = List.of(
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
            // The full configuration dump, five times per start, would be most of the log.
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config.AbstractConfig=warn");
    /**
     * As Kafka's own start script runs a broker ({@code kafka-server-start.sh}: a fixed 1-GB heap, G1 aiming at 20-ms
     * pauses), and as production brokers run: with the serial collector and a growing heap the broker stopped for
     * ~100 ms whenever its heap filled, and every record waiting for an acknowledgement then waited too (the
     * reservation benchmark's stall diagnostics, production-service README).
     */
    private static final List<String> BROKER_JVM_OPTIONS = concat(LOGGING,
            "-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
            "-XX:+ExplicitGCInvokesConcurrent", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");
    /** The storage tool runs a second or so: a small heap and no optimising compiler start it faster. */
    private static final List<String> TOOL_JVM_OPTIONS = concat(LOGGING,
            "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final boolean durable;
    /** TestInfra's broker: lives until the JVM ends, so close() leaves it running. */
    private final boolean shared;

    private KafkaBroker(Path dir, int port, int controllerPort, boolean durable, boolean shared) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.durable = durable;
        this.shared = shared;
    }

    /** A broker on free ports in a temporary folder, which {@link #close()} removes. */
    public static KafkaBroker startEphemeral() {
        return Ports.startOnFreePorts(2, Ports::freePort, ports -> startInTemporaryFolder(ports, false));
    }

    /**
     * A broker whose data is kept in {@code dataDir} (created if absent, reused if present) and which listens
     * on {@code port}. The controller port is chosen on the first start and kept in the folder's server.properties.
     */
    public static KafkaBroker startDurable(Path dataDir, int port) {
        Path dir = Dirs.createDirectories(dataDir.toAbsolutePath());
        int controllerPort = KafkaServerProperties.controllerPort(dir.resolve("server.properties"))
                .orElseGet(Ports::freePort);
        return start(new KafkaBroker(dir, port, controllerPort, true, false));
    }

    /** TestInfra's broker, started once per JVM; never removed by {@link #close()}. */
    static KafkaBroker startShared() {
        return Ports.startOnFreePorts(2, Ports::freePort, ports -> startInTemporaryFolder(ports, true));
    }

    /** On a port and a controller port chosen free; a failed start leaves its folder (and log) to a later sweep. */
    private static KafkaBroker startInTemporaryFolder(int[] ports, boolean shared) {
        return start(new KafkaBroker(PidRegistry.temporaryFolder("kafka-"), ports[0], ports[1], false, shared));
    }

    /** A handle on a running shared broker, e.g. one started from another class loader. */
    static KafkaBroker attachShared(Path dir, int port, int controllerPort) {
        return new KafkaBroker(dir, port, controllerPort, false, true);
    }

    private static KafkaBroker start(KafkaBroker broker) {
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public boolean isRunning() {
        return brokerProcess().isPresent();
    }

    /** Starts the broker (again) on the same ports and folder; returns once it accepts requests. */
    public void start() {
        synchronized (JvmWide.lock("server:" + dir)) {
            if (isRunning()) {
                return;
            }
            PidRegistry.sweepLeftovers();
            Ports.requireFree(SERVER, port);
            Ports.requireFree(SERVER + " (controller listener)", controllerPort);
            KafkaServerProperties.write(serverProperties(), port, controllerPort, kafkaLogs());
            if (!Files.exists(kafkaLogs().resolve("meta.properties"))) {
                formatStorage();
            }
            LogTail log = LogTail.from(logFile());
            Process process = ChildJvm.start(dir, logFile(), concat(BROKER_JVM_OPTIONS, gcLogging()), "kafka.Kafka",
                    List.of(serverProperties().toString()));
            writePidFile(process.pid());
            PidRegistry.registerProcess(PidRegistry.Kind.KAFKA, process.pid());
            awaitReady(process, log);
        }
    }

    /** Graceful stop (SIGTERM through the JDK, Kafka closes its logs cleanly); waits until the process is gone. */
    public void stop() {
        synchronized (JvmWide.lock("server:" + dir)) {
            brokerProcess().ifPresent(process -> {
                Processes.stop(process, Processes.StopRequest.TERMINATE, STOP_GRACE);
                PidRegistry.unregisterProcess(PidRegistry.Kind.KAFKA, process.pid());
            });
            deletePidFile();
        }
    }

    /** SIGKILL, as a crash would: for fault tests. The data folder stays; {@link #start()} recovers it. */
    public void kill() {
        synchronized (JvmWide.lock("server:" + dir)) {
            brokerProcess().ifPresent(process -> {
                Processes.kill(process);
                PidRegistry.unregisterProcess(PidRegistry.Kind.KAFKA, process.pid());
            });
            deletePidFile();
        }
    }

    /** Stops the broker; an ephemeral broker's folder is removed. TestInfra's broker is left running. */
    @Override
    public void close() {
        if (!shared) {
            closeNow();
        }
    }

    void closeNow() {
        stop();
        if (!durable) {
            Dirs.deleteRecursively(dir);
            PidRegistry.unregisterFolder(dir);
        }
    }

    Path dir() {
        return dir;
    }

    int port() {
        return port;
    }

    int controllerPort() {
        return controllerPort;
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", " + dir + "]";
    }

    private void formatStorage() {
        LogTail log = LogTail.from(logFile());
        Process format = ChildJvm.start(dir, logFile(), TOOL_JVM_OPTIONS, "kafka.tools.StorageTool",
                List.of("format", "-t", newClusterId(), "-c", serverProperties().toString(), "--standalone"));
        try {
            if (!format.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                Processes.kill(format.toHandle());
                throw new ServerStartException("Kafka storage format of " + kafkaLogs() + " did not finish within "
                        + START_TIMEOUT.toSeconds() + " s, see " + logFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Processes.kill(format.toHandle());
            throw new ServerStartException("Interrupted while formatting " + kafkaLogs());
        }
        if (format.exitValue() != 0) {
            throw new ServerStartException("Kafka storage format of " + kafkaLogs() + " failed"
                    + describe(log));
        }
    }

    private void awaitReady(Process process, LogTail log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                forget(process.pid());
                throw new ServerStartException(SERVER + " exited with code " + process.exitValue()
                        + " while starting on port " + port + describe(log));
            }
            if (log.contains(STARTED_MARKER) && Ports.accepts(port)) {
                return;
            }
            if (!pause()) {
                abandon(process);
                throw new ServerStartException("Interrupted while waiting for the " + SERVER + " to start");
            }
        }
        abandon(process);
        throw new ServerStartException(SERVER + " did not start within " + START_TIMEOUT.toSeconds()
                + " s on port " + port + ", see " + logFile());
    }

    private void abandon(Process process) {
        Processes.kill(process.toHandle());
        forget(process.pid());
    }

    /** ", see LOG", with the last error line of this start in front when there is one. */
    private static String describe(LogTail log) {
        return log.lastLineWith("ERROR", "Exception").map(line -> ": " + line).orElse("") + ", see " + log.file();
    }

    private void forget(long pid) {
        PidRegistry.unregisterProcess(PidRegistry.Kind.KAFKA, pid);
        deletePidFile();
    }

    /** Our broker's live process; a stale pid file (crash, reboot, reused pid) yields none. */
    private Optional<ProcessHandle> brokerProcess() {
        return Processes.fromPidFile(pidFile()).filter(PidRegistry.Kind.KAFKA::matches);
    }

    private void writePidFile(long pid) {
        try {
            Files.writeString(pidFile(), pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + pidFile(), e);
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + pidFile(), e);
        }
    }

    /**
     * A cluster id in Kafka's Uuid text form (16 random bytes, URL-safe base64 without padding). One starting
     * with '-' is skipped: the storage tool would read it as an option.
     */
    private static String newClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            byte[] bytes = ByteBuffer.allocate(16)
                    .putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits())
                    .array();
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    /** Waits a little between readiness checks; false if interrupted. */
    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path serverProperties() {
        return dir.resolve("server.properties");
    }

    private Path kafkaLogs() {
        return dir.resolve("kafka-logs");
    }

    private Path logFile() {
        return dir.resolve("broker.log");
    }

    /**
     * The broker JVM's GC log (each pause with its wall-clock time and duration; two files of 1 MB at most): for
     * diagnostics, e.g. a benchmark that wants to know whether a stall was the broker's collector.
     */
    public Path gcLog() {
        return dir.resolve("gc.log");
    }

    private String gcLogging() {
        return "-Xlog:gc:file=" + gcLog() + ":time,uptime:filecount=2,filesize=1m";
    }

    private Path pidFile() {
        return dir.resolve("broker.pid");
    }
}
