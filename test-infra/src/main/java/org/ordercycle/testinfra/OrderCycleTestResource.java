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
 * <p>Init args: {@code database} (default "ordercycle"), {@code username} and {@code password} (default: the
 * database name). The database and its owner are created if absent.
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
        postgres.createDatabase(database, user, secret);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", secret,
                "kafka.bootstrap.servers", join(kafka).bootstrapServers(),
                "mp.jwt.verify.publickey.location", TestInfra.jwt().publicKeyFile().toUri().toString(),
                "quarkus.devservices.enabled", "false");
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
