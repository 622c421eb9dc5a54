package org.ordercycle.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.ordercycle.testinfra.JwtIssuer;
import org.ordercycle.testinfra.KafkaBroker;
import org.ordercycle.testinfra.Leftovers;
import org.ordercycle.testinfra.Login;
import org.ordercycle.testinfra.Postgres;

/**
 * The whole suite as real processes on one machine: PostgreSQL with one database per service, the Kafka broker, and
 * the five services from their packaged jars, each in its own JVM. Everything ends when this JVM ends.
 *
 * <p>Each service's database has two roles, both with a password made anew at every start: {@code <db>_owner} owns it
 * and runs the Flyway migrations ({@code QUARKUS_FLYWAY_USERNAME/PASSWORD}); {@code <db>} is the service's runtime
 * user ({@code <DEPARTMENT>_DB_USER/PASSWORD}) and may only read and write rows. Neither can connect to another
 * service's database. The broker has one node, so every service is told to create its topics with replication
 * factor 1 and min.insync.replicas 1.
 */
public final class Suite implements AutoCloseable {

    /** Less free disk than this and PostgreSQL or Kafka would soon fail mid-write. */
    private static final long MIN_FREE_BYTES = 512L * 1024 * 1024;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");
    /** One broker: every topic with one replica, and a write needs only that one. */
    static final Map<String, String> ONE_BROKER_TOPICS = Map.of(
            "ORDERCYCLE_KIT_TOPICS_REPLICATION_FACTOR", "1",
            "ORDERCYCLE_KIT_TOPICS_MIN_INSYNC_REPLICAS", "1");

    /**
     * Where things go. A {@code dataDir} keeps PostgreSQL's and Kafka's data (and the token key pair) between runs;
     * without one they live in temporary folders. A port of 0 means any free port; a missing management port too.
     */
    public record Options(Path projectRoot, Path dataDir, Path logDir, int postgresPort, int kafkaPort,
            Map<Department, Integer> servicePorts, Map<Department, Integer> managementPorts) {

        /** With free management ports. */
        public Options(Path projectRoot, Path dataDir, Path logDir, int postgresPort, int kafkaPort,
                Map<Department, Integer> servicePorts) {
            this(projectRoot, dataDir, logDir, postgresPort, kafkaPort, servicePorts, Map.of());
        }

        /** For {@code deploy/local/run}: data kept in {@code deploy/local/data}, the documented ports. */
        public static Options local(Path projectRoot, int portOffset) {
            Map<Department, Integer> ports = new EnumMap<>(Department.class);
            Map<Department, Integer> managementPorts = new EnumMap<>(Department.class);
            for (Department department : Department.values()) {
                ports.put(department, department.defaultPort() + portOffset);
                managementPorts.put(department, department.defaultManagementPort() + portOffset);
            }
            Path deploy = projectRoot.resolve("deploy/local");
            return new Options(projectRoot, deploy.resolve("data"), deploy.resolve("logs"), 15432 + portOffset,
                    19092 + portOffset, ports, managementPorts);
        }

        /** For tests: temporary data, free ports, logs where the test says. */
        public static Options ephemeral(Path projectRoot, Path logDir) {
            Map<Department, Integer> ports = new EnumMap<>(Department.class);
            for (Department department : Department.values()) {
                ports.put(department, 0);
            }
            return new Options(projectRoot, null, logDir, 0, 0, ports, Map.of());
        }

        int servicePort(Department department) {
            return servicePorts.getOrDefault(department, 0);
        }

        int managementPort(Department department) {
            return managementPorts.getOrDefault(department, 0);
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

    /**
     * Starts everything and returns when every service answers ready. On any failure it stops what it had started
     * (services, broker, PostgreSQL) before it throws: nothing is left running.
     */
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
        for (Department department : Department.values()) {
            requireFreePort(options.servicePort(department), department.serviceName());
            requireFreePort(options.managementPort(department), department.serviceName() + " (management)");
        }

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

        Map<Department, ServiceProcess> services = new EnumMap<>(Department.class);
        try {
            if (options.durable()) {
                linkLog(options.logDir().resolve("postgres.log"), options.dataDir().resolve("postgres/postgres.log"));
                linkLog(options.logDir().resolve("kafka.log"), options.dataDir().resolve("kafka/broker.log"));
            }
            JwtIssuer jwt = JwtIssuer.inFolder(options.durable() ? options.dataDir().resolve("jwt")
                    : createDirectories(options.logDir().resolve("jwt")));
            for (Department department : Department.values()) {
                Map<String, String> environment = new HashMap<>(databaseAccess(postgres, department));
                environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
                environment.put("JWT_PUBLIC_KEY", jwt.publicKeyFile().toUri().toString());
                environment.putAll(ONE_BROKER_TOPICS);
                Path workDir = createDirectories(options.logDir().resolve(".work").resolve(department.serviceName()));
                services.put(department, new ServiceProcess(department, options.projectRoot(), workDir,
                        options.logDir().resolve(department.serviceName() + ".log"), options.servicePort(department),
                        options.managementPort(department), environment, SERVICE_JVM_OPTIONS));
            }
            services.values().forEach(ServiceProcess::start);
            services.values().parallelStream().forEach(service -> service.awaitReady(READY_TIMEOUT));
            return new Suite(postgres, kafka, jwt, services);
        } catch (RuntimeException e) {
            stopAll(services.values(), kafka, postgres);
            throw e;
        }
    }

    /**
     * The service's database with its owner and runtime roles, both with a new random password; the environment
     * that hands them to the service: its own {@code <DEPARTMENT>_DB_*} variables for the runtime user, Quarkus'
     * Flyway credentials for the owner.
     */
    static Map<String, String> databaseAccess(Postgres postgres, Department department) {
        Login owner = Login.withRandomPassword(department.databaseOwner());
        Login runtime = Login.withRandomPassword(department.database());
        try {
            postgres.createDatabase(department.database(), owner, runtime);
        } catch (RuntimeException e) {
            throw new LaunchException("Could not prepare the database of " + department.serviceName() + ": "
                    + e.getMessage(), e);
        }
        String prefix = department.environmentPrefix();
        return Map.of(
                prefix + "_DB_URL", postgres.jdbcUrl(department.database()),
                prefix + "_DB_USER", runtime.user(),
                prefix + "_DB_PASSWORD", runtime.password(),
                "QUARKUS_FLYWAY_USERNAME", owner.user(),
                "QUARKUS_FLYWAY_PASSWORD", owner.password());
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
        stopAll(services.values(), kafka, postgres);
    }

    private static void stopAll(Collection<ServiceProcess> services, KafkaBroker kafka, Postgres postgres) {
        try {
            services.parallelStream().forEach(ServiceProcess::stop);
        } finally {
            try {
                kafka.close();
            } finally {
                postgres.close();
            }
        }
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

    /** A fixed port (not 0) must be free before anything starts. */
    private static void requireFreePort(int port, String what) {
        if (port != 0 && !Ports.isFree(port)) {
            throw new LaunchException("Port " + port + " for " + what + " is taken by another program;"
                    + " stop it, or start with ORDERCYCLE_PORT_OFFSET=100 to move all ports");
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
