package org.ordercycle.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ordercycle.testinfra.Login;
import org.ordercycle.testinfra.Postgres;
import org.ordercycle.testinfra.WatchedJvm;

/**
 * The module {@code reference-app} as a process: the smallest Quarkus app on the stack ({@code POST /rows}: one row
 * with Panache, one Kafka record), with a database {@code reference} of its own on the suite's PostgreSQL and the
 * suite's broker. The benchmark's ceiling; not supervised (a death is the benchmark's failure).
 */
public final class ReferenceApp implements AutoCloseable {

    public static final String NAME = "reference-app";
    public static final String DATABASE = "reference";
    private static final String QUARKUS_MAIN = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final int managementPort;
    private final Path logFile;
    private final Process process;

    private ReferenceApp(int port, int managementPort, Path logFile, Process process) {
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.process = process;
    }

    /** {@code reference-app/target/quarkus-app/quarkus-run.jar} under the project root. */
    public static Path runJar(Path projectRoot) {
        return projectRoot.resolve(NAME).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Creates its database (owner and runtime roles, as for a service), starts it and waits until it is ready. */
    public static ReferenceApp start(Path projectRoot, Path logDir, Postgres postgres, String bootstrapServers,
            Duration timeout) {
        Path jar = runJar(projectRoot);
        if (!Files.isRegularFile(jar)) {
            throw new LaunchException(NAME + " is not built: " + jar + " is missing (run ./mvnw -B package -DskipTests)");
        }
        Login owner = Login.withRandomPassword(DATABASE + "_owner");
        Login runtime = Login.withRandomPassword(DATABASE);
        postgres.createDatabase(DATABASE, owner, runtime);
        int port = Ports.free();
        int managementPort = Ports.free();
        Map<String, String> environment = new HashMap<>(Suite.ONE_BROKER_TOPICS);
        environment.put("REFERENCE_DB_URL", postgres.jdbcUrl(DATABASE));
        environment.put("REFERENCE_DB_USER", runtime.user());
        environment.put("REFERENCE_DB_PASSWORD", runtime.password());
        environment.put("QUARKUS_FLYWAY_USERNAME", owner.user());
        environment.put("QUARKUS_FLYWAY_PASSWORD", owner.password());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        Path logFile = logDir.resolve(NAME + ".log");
        Process process = WatchedJvm.start(logDir.resolve(".work").resolve(NAME), logFile, environment,
                Suite.SERVICE_JVM_OPTIONS, List.of(jar), QUARKUS_MAIN, List.of());
        ReferenceApp app = new ReferenceApp(port, managementPort, logFile, process);
        try {
            app.awaitReady(timeout);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new LaunchException(NAME + " stopped while starting, see " + logFile);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("interrupted while waiting for " + NAME);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("interrupted while waiting for " + NAME);
            }
        }
        throw new LaunchException(NAME + " was not ready within " + timeout.toSeconds() + " s, see " + logFile);
    }

    /** SIGTERM, then waits (killed after 30 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
