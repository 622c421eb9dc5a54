package org.ordercycle.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ordercycle.testinfra.WatchedJvm;

/**
 * One department service running from its packaged jar in a JVM of its own, which ends with the launcher's JVM.
 * Can be stopped (SIGTERM, Quarkus shuts down gracefully), killed ({@code kill -9}) and started again.
 */
public final class ServiceProcess {

    private static final String QUARKUS_MAIN = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Department department;
    private final Path projectRoot;
    private final Path workDir;
    private final Path logFile;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private Process process;

    ServiceProcess(Department department, Path projectRoot, Path workDir, Path logFile, int port,
            Map<String, String> environment, List<String> jvmOptions) {
        this.department = department;
        this.projectRoot = projectRoot;
        this.workDir = workDir;
        this.logFile = logFile;
        this.port = port;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
    }

    public Department department() {
        return department;
    }

    public String name() {
        return department.serviceName();
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>} */
    public String url() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Starts the JVM; returns at once (see {@link #awaitReady(Duration)}). */
    public synchronized void start() {
        if (isAlive()) {
            return;
        }
        process = WatchedJvm.start(workDir, logFile, environment, jvmOptions, department.classpath(projectRoot),
                QUARKUS_MAIN, List.of());
    }

    /** Waits until {@code /q/health/ready} answers 200, or fails naming the log if the JVM dies or time runs out. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new LaunchException(name() + " stopped while starting, see " + logFile);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("interrupted while waiting for " + name());
            }
            sleep(Duration.ofMillis(250));
        }
        throw new LaunchException(name() + " was not ready within " + timeout.toSeconds() + " s, see " + logFile);
    }

    /** Graceful stop: SIGTERM, then waits for the JVM to end (killed after 30 s). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code kill -9}: no shutdown hook runs, no transaction completes. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts again after a stop or kill and waits until ready. */
    public void restart(Duration timeout) {
        stop();
        start();
        awaitReady(timeout);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
