package org.ordercycle.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.ordercycle.testinfra.JwtIssuer;
import org.ordercycle.testinfra.KafkaBroker;
import org.ordercycle.testinfra.Leftovers;
import org.ordercycle.testinfra.Postgres;

/**
 * The suite for the benchmark: PostgreSQL with durable settings (fsync, synchronous_commit, full_page_writes on, as
 * production pays for a commit) in {@code <logDir>/postgres} (emptied at every start), one broker, N instances of every service and, if asked, the
 * reference app ({@link ReferenceApp}) on the same PostgreSQL and broker.
 *
 * <p>Instances of a service share its database and its consumer groups (the group id is the application name), so
 * the broker spreads the partitions of each topic over them; each has its own API and management port, log
 * ({@code sales-service.log}, {@code sales-service-2.log}, …) and work folder. {@link #addInstance(Department)}
 * starts one more of a running suite. Everything ends when this JVM ends.
 */
public final class ScaledSuite implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Path projectRoot;
    private final Path logDir;
    private final Postgres postgres;
    private final KafkaBroker kafka;
    private final JwtIssuer jwt;
    private final Map<Department, Map<String, String>> environments;
    private final Map<Department, List<ServiceProcess>> instances = new EnumMap<>(Department.class);
    private ReferenceApp reference;

    private ScaledSuite(Path projectRoot, Path logDir, Postgres postgres, KafkaBroker kafka, JwtIssuer jwt,
            Map<Department, Map<String, String>> environments) {
        this.projectRoot = projectRoot;
        this.logDir = logDir;
        this.postgres = postgres;
        this.kafka = kafka;
        this.jwt = jwt;
        this.environments = environments;
        for (Department department : Department.values()) {
            instances.put(department, new ArrayList<>());
        }
    }

    /**
     * Starts PostgreSQL (durable settings) and the broker, {@code instancesPerService} of every service and, if
     * {@code withReference}, the reference app; returns when all answer ready. On failure nothing is left running.
     */
    public static ScaledSuite start(Path projectRoot, Path logDir, int instancesPerService, boolean withReference) {
        if (instancesPerService < 1) {
            throw new IllegalArgumentException("at least one instance per service");
        }
        for (Department department : Department.values()) {
            department.requireRunJar(projectRoot);
        }
        if (withReference && !Files.isRegularFile(ReferenceApp.runJar(projectRoot))) {
            throw new LaunchException(ReferenceApp.NAME + " is not built: " + ReferenceApp.runJar(projectRoot)
                    + " is missing (run ./mvnw -B package -DskipTests)");
        }
        Dirs.create(logDir);
        Leftovers.stop();
        CompletableFuture<KafkaBroker> kafkaStart = CompletableFuture.supplyAsync(KafkaBroker::startEphemeral);
        Postgres postgres;
        try {
            // Started durable, not switched: an ephemeral server gets fsync=off etc. on its command line, which
            // outranks ALTER SYSTEM, so Postgres.setDurable(true) would leave it without fsync.
            Path dataDir = logDir.resolve("postgres");
            deleteRecursively(dataDir);
            postgres = Postgres.startDurable(dataDir, Ports.free());
        } catch (RuntimeException e) {
            kafkaStart.thenAccept(KafkaBroker::close);
            throw e;
        }
        KafkaBroker kafka;
        try {
            kafka = kafkaStart.join();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        ScaledSuite suite = null;
        try {
            JwtIssuer jwt = JwtIssuer.inFolder(Dirs.create(logDir.resolve("jwt")));
            Map<Department, Map<String, String>> environments = new EnumMap<>(Department.class);
            for (Department department : Department.values()) {
                Map<String, String> environment = new HashMap<>(Suite.databaseAccess(postgres, department));
                environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
                environment.put("JWT_PUBLIC_KEY", jwt.publicKeyFile().toUri().toString());
                environment.putAll(Suite.ONE_BROKER_TOPICS);
                environments.put(department, Map.copyOf(environment));
            }
            suite = new ScaledSuite(projectRoot, logDir, postgres, kafka, jwt, environments);
            List<ServiceProcess> started = new ArrayList<>();
            for (int i = 0; i < instancesPerService; i++) {
                for (Department department : Department.values()) {
                    started.add(suite.newInstance(department));
                }
            }
            started.forEach(ServiceProcess::start);
            started.parallelStream().forEach(service -> service.awaitReady(READY_TIMEOUT));
            if (withReference) {
                suite.reference = ReferenceApp.start(projectRoot, logDir, postgres, kafka.bootstrapServers(),
                        READY_TIMEOUT);
            }
            return suite;
        } catch (RuntimeException e) {
            if (suite != null) {
                suite.close();
            } else {
                kafka.close();
                postgres.close();
            }
            throw e;
        }
    }

    /** One more instance of every service, started in parallel; returns when they are ready. */
    public List<ServiceProcess> addInstances() {
        List<ServiceProcess> added = new ArrayList<>();
        for (Department department : Department.values()) {
            added.add(newInstance(department));
        }
        added.forEach(ServiceProcess::start);
        added.parallelStream().forEach(service -> service.awaitReady(READY_TIMEOUT));
        return added;
    }

    /** One more instance of the service (same database, same consumer groups); returns when it is ready. */
    public ServiceProcess addInstance(Department department) {
        ServiceProcess added = newInstance(department);
        added.start();
        added.awaitReady(READY_TIMEOUT);
        return added;
    }

    private synchronized ServiceProcess newInstance(Department department) {
        List<ServiceProcess> running = instances.get(department);
        String name = department.serviceName() + (running.isEmpty() ? "" : "-" + (running.size() + 1));
        ServiceProcess instance = new ServiceProcess(department, projectRoot,
                Dirs.create(logDir.resolve(".work").resolve(name)), logDir.resolve(name + ".log"), 0, 0,
                environments.get(department), Suite.SERVICE_JVM_OPTIONS);
        running.add(instance);
        return instance;
    }

    /** The running instances of a service, the first one first. */
    public synchronized List<ServiceProcess> instances(Department department) {
        return List.copyOf(instances.get(department));
    }

    /** Every instance of every service. */
    public synchronized List<ServiceProcess> services() {
        List<ServiceProcess> all = new ArrayList<>();
        instances.values().forEach(all::addAll);
        return all;
    }

    /** The reference app, or null if the suite was started without it. */
    public ReferenceApp reference() {
        return reference;
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

    /** Stops the reference app and the services, then the broker, then PostgreSQL (its folder stays till the next start). */
    @Override
    public void close() {
        try {
            if (reference != null) {
                reference.close();
            }
            services().parallelStream().forEach(ServiceProcess::stop);
        } finally {
            try {
                kafka.close();
            } finally {
                postgres.close();
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (java.io.IOException e) {
            throw new LaunchException("Cannot empty " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Folders, as the launcher reports a failure to make one. */
    private static final class Dirs {
        static Path create(Path dir) {
            try {
                return Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new LaunchException("Cannot create " + dir + ": " + e.getMessage(), e);
            }
        }
    }
}
