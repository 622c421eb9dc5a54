package org.ordercycle.testinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Points a {@code @QuarkusTest} at the JVM's shared PostgreSQL and Kafka broker ({@link TestInfra}):
 * {@code @WithTestResource(OrderCycleTestResource.class)} or, with its own database,
 * {@code @WithTestResource(value = OrderCycleTestResource.class, initArgs = @ResourceArg(name = "database", value = "sales"))}.
 *
 * <p>Init args: {@code database} (default "ordercycle"), {@code username} and {@code password} of the service's
 * runtime user (default: the database name). The database is created if absent, owned by the role
 * {@code <database>_owner}, which runs the Flyway migrations ({@code quarkus.flyway.username/password}; its
 * password is random, one per JVM); the runtime user may only read and write rows (see
 * {@link Postgres#createDatabase(String, Login, Login)}). Both authenticate with a password (SCRAM).
 *
 * <p>As the launcher does, it sets the kit's topic replication factor and min.insync.replicas to 1 (one broker),
 * and the management interface's test port to 0 (any free port: test JVMs of several builds run side by side).
 *
 * <p>The servers start once per JVM, not per test class or Quarkus restart, and outlive {@link #stop()}:
 * a shutdown hook stops them when the JVM exits.
 */
public class OrderCycleTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "ordercycle";
    private String username;
    private String password;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        username = initArgs.get("username");
        password = initArgs.get("password");
    }

    @Override
    public Map<String, String> start() {
        String user = username != null ? username : database;
        String secret = password != null ? password : database;
        // Both servers start in parallel on a fresh JVM; later calls return at once.
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(OrderCycleTestResource::runningKafka,
                OrderCycleTestResource::runInNewThread);
        Postgres postgres = TestInfra.postgres();
        postgres.start(); // again, if an earlier test stopped it and did not start it (no-op while it runs)
        Login owner = new Login(database + "_owner", ownerPassword(database));
        postgres.createDatabase(database, owner, new Login(user, secret));
        return Map.ofEntries(
                Map.entry("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database)),
                Map.entry("quarkus.datasource.username", user),
                Map.entry("quarkus.datasource.password", secret),
                Map.entry("quarkus.flyway.username", owner.user()),
                Map.entry("quarkus.flyway.password", owner.password()),
                Map.entry("kafka.bootstrap.servers", join(kafka).bootstrapServers()),
                Map.entry("ordercycle.kit.topics.replication-factor", "1"),
                Map.entry("ordercycle.kit.topics.min-insync-replicas", "1"),
                Map.entry("quarkus.management.test-port", "0"),
                Map.entry("mp.jwt.verify.publickey.location", TestInfra.jwt().publicKeyFile().toUri().toString()),
                Map.entry("quarkus.devservices.enabled", "false"));
    }

    /** One random owner password per database and JVM, the same for every class loader and Quarkus restart. */
    private static String ownerPassword(String database) {
        synchronized (JvmWide.lock("owner-password")) {
            String key = TestInfra.PROPERTY_PREFIX + "postgres.owner-password." + database;
            String password = System.getProperty(key);
            if (password == null) {
                password = Login.randomPassword();
                System.setProperty(key, password);
            }
            return password;
        }
    }

    @Override
    public void stop() {
        // Nothing: the servers serve every test class of this JVM and stop when it exits.
    }

    private static KafkaBroker runningKafka() {
        KafkaBroker kafka = TestInfra.kafka();
        kafka.start(); // again, if an earlier test stopped it (no-op while it runs)
        return kafka;
    }

    private static void runInNewThread(Runnable task) {
        Thread thread = new Thread(task, "ordercycle-test-infra-kafka-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause(); // keep the one-line ServerStartException on top
            }
            throw e;
        }
    }
}
