package org.ordercycle.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.ordercycle.testinfra.JwtIssuer;
import org.ordercycle.testinfra.KafkaBroker;
import org.ordercycle.testinfra.Leftovers;
import org.ordercycle.testinfra.Postgres;

/**
 * The whole suite as real processes on one machine: PostgreSQL with one database and user per service, the Kafka
 * broker, and the five services from their packaged jars, each in its own JVM. Everything ends when this JVM ends.
 */
public final class Suite implements AutoCloseable {

    /** Less free disk than this and PostgreSQL or Kafka would soon fail mid-write. */
    private static final long MIN_FREE_BYTES = 512L * 1024 * 1024;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");

    /**
     * Where things go. A {@code dataDir} keeps PostgreSQL's and Kafka's data (and the token key pair) between runs;
     * without one they live in temporary folders. A port of 0 means any free port.
     */
    public record Options(Path projectRoot, Path dataDir, Path logDir, int postgresPort, int kafkaPort,
            Map<Department, Integer> servicePorts) {

        /** For {@code deploy/local/run}: data kept in {@code deploy/local/data}, the documented ports. */
        public static Options local(Path projectRoot, int portOffset) {
            Map<Department, Integer> ports = new EnumMap<>(Department.class);
            for (Department department : Department.values()) {
                ports.put(department, department.defaultPort() + portOffset);
            }
            Path deploy = projectRoot.resolve("deploy/local");
            return new Options(projectRoot, deploy.resolve("data"), deploy.resolve("logs"), 15432 + portOffset,
                    19092 + portOffset, ports);
        }

        /** For tests: temporary data, free ports, logs where the test says. */
        public static Options ephemeral(Path projectRoot, Path logDir) {
            Map<Department, Integer> ports = new EnumMap<>(Department.class);
            for (Department department : Department.values()) {
                ports.put(department, 0);
            }
            return new Options(projectRoot, null, logDir, 0, 0, ports);
        }

        boolean durable() {
            return dataDir != null;
        }
    }

    private final Postgres postgres;
    private final KafkaBroker kafka;
    private final JwtIssuer jwt;
    private final Map<Department, ServiceProcess> services;

    private Suite(Postgres postgres, KafkaBroker kafka, JwtIssuer jwt, Map<Department, ServiceProcess> services) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.jwt = jwt;
        this.services = services;
    }

    /** Starts everything and returns when every service answers ready; on failure stops what it started. */
    public static Suite start(Options options) {
        for (Department department : Department.values()) {
            department.requireRunJar(options.projectRoot());
        }
        createDirectories(options.logDir());
        Leftovers.stop();
        if (options.durable()) {
            createDirectories(options.dataDir());
            requireFreeDisk(options.dataDir());
            requireFreePort(options.postgresPort(), "PostgreSQL");
            requireFreePort(options.kafkaPort(), "Kafka");
        }
        Map<Department, Integer> ports = new EnumMap<>(Department.class);
        options.servicePorts().forEach((department, port) -> {
            if (port != 0) {
                requireFreePort(port, department.serviceName());
            }
            ports.put(department, port == 0 ? freePort() : port);
        });

        CompletableFuture<KafkaBroker> kafkaStart = CompletableFuture.supplyAsync(() -> options.durable()
                ? KafkaBroker.startDurable(options.dataDir().resolve("kafka"), options.kafkaPort())
                : KafkaBroker.startEphemeral());
        Postgres postgres;
        try {
            postgres = options.durable()
                    ? Postgres.startDurable(options.dataDir().resolve("postgres"), options.postgresPort())
                    : Postgres.startEphemeral();
        } catch (RuntimeException e) {
            kafkaStart.thenAccept(KafkaBroker::close);
            throw e;
        }
        KafkaBroker kafka;
        try {
            kafka = join(kafkaStart);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        if (options.durable()) {
            linkLog(options.logDir().resolve("postgres.log"), options.dataDir().resolve("postgres/postgres.log"));
            linkLog(options.logDir().resolve("kafka.log"), options.dataDir().resolve("kafka/broker.log"));
        }

        JwtIssuer jwt = JwtIssuer.inFolder(options.durable() ? options.dataDir().resolve("jwt")
                : createDirectories(options.logDir().resolve("jwt")));
        Map<Department, ServiceProcess> services = new EnumMap<>(Department.class);
        for (Department department : Department.values()) {
            String password = department.database();
            postgres.createDatabase(department.database(), department.database(), password);
            String prefix = department.environmentPrefix();
            Map<String, String> environment = Map.of(
                    prefix + "_DB_URL", postgres.jdbcUrl(department.database()),
                    prefix + "_DB_USER", department.database(),
                    prefix + "_DB_PASSWORD", password,
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "JWT_PUBLIC_KEY", jwt.publicKeyFile().toUri().toString(),
                    "QUARKUS_HTTP_PORT", Integer.toString(ports.get(department)));
            Path workDir = createDirectories(options.logDir().resolve(".work").resolve(department.serviceName()));
            services.put(department, new ServiceProcess(department, options.projectRoot(), workDir,
                    options.logDir().resolve(department.serviceName() + ".log"), ports.get(department), environment,
                    SERVICE_JVM_OPTIONS));
        }

        Suite suite = new Suite(postgres, kafka, jwt, services);
        try {
            services.values().forEach(ServiceProcess::start);
            services.values().parallelStream().forEach(service -> service.awaitReady(READY_TIMEOUT));
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    public ServiceProcess service(Department department) {
        return services.get(department);
    }

    public List<ServiceProcess> services() {
        return new ArrayList<>(services.values());
    }

    public Postgres postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** A bearer token (without the "Bearer " prefix) for {@code user} with the given roles. */
    public String token(String user, Duration lifetime, String... roles) {
        return jwt.token(user, lifetime, roles);
    }

    /** Stops the services, then the broker, then PostgreSQL (whose data stays if it is durable). */
    @Override
    public void close() {
        services.values().parallelStream().forEach(ServiceProcess::stop);
        kafka.close();
        postgres.close();
    }

    private static void requireFreeDisk(Path dir) {
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                throw new LaunchException("The disk is full: only " + free / (1024 * 1024) + " MB free for " + dir
                        + " (OrderCycle needs at least " + MIN_FREE_BYTES / (1024 * 1024) + " MB)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireFreePort(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new LaunchException("Port " + port + " for " + what + " is taken by another program;"
                    + " stop it, or start with ORDERCYCLE_PORT_OFFSET=100 to move all ports");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LaunchException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void linkLog(Path link, Path target) {
        try {
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, link.getParent().relativize(target));
        } catch (IOException | UnsupportedOperationException e) {
            // Only a convenience: the log is still in the data folder.
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
