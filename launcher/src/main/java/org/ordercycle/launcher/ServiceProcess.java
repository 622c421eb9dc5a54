package org.ordercycle.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ordercycle.testinfra.WatchedJvm;

/**
 * One department service running from its packaged jar in a JVM of its own, which ends with the launcher's JVM.
 * Can be stopped (SIGTERM, Quarkus shuts down gracefully), killed ({@code kill -9}) and started again.
 *
 * <p><b>Supervised, as Kubernetes would.</b> Once a service has been ready, a death the launcher did not cause
 * (a crash, an out-of-memory exit, {@code kill -9} from outside) is announced in one line, on the launcher's
 * console and in the service's log, and the service is started again after a back-off (1 s, doubling up to 30 s;
 * back to 1 s after it ran for a minute). {@link #stop()} and {@link #kill()} are the launcher's own controls: the
 * service then stays down until {@link #start()} or {@link #restart(Duration)}, so a test decides when it comes back.
 *
 * <p><b>Ports.</b> An API port and a management port (health and metrics); a port of 0 asks for a free one. A port
 * chosen free can be taken by another program before the service binds it: the service then dies while starting,
 * and an automatically chosen port is replaced by another free one and the service started again (a fixed port
 * is reported in one line instead).
 */
public final class ServiceProcess {

    /** Chooses a free loopback port; tests replace it to take the chosen port away at once. */
    @FunctionalInterface
    interface PortChooser {
        int freePort();
    }

    private static final String QUARKUS_MAIN = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A service that ran this long since its last start is healthy again: the next crash waits only FIRST_BACKOFF. */
    private static final Duration BACKOFF_RESET = Duration.ofMinutes(1);
    private static final Duration RESTART_READY_TIMEOUT = Duration.ofMinutes(3);
    private static final int PORT_ATTEMPTS = 5;
    private static final ScheduledExecutorService RESTARTS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ordercycle-service-restarts");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Set when this JVM begins to exit. Ctrl-C reaches the services too (one process group), and they must not be
     * mistaken for crashed ones while the launcher shuts down.
     */
    private static volatile boolean launcherExiting;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> launcherExiting = true, "ordercycle-launcher-exiting"));
    }

    private final Department department;
    private final Path workDir;
    private final Path logFile;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final List<Path> classpath;
    private final String mainClass;
    private final PortChooser ports;
    private final boolean apiPortFixed;
    private final boolean managementPortFixed;

    private int port;
    private int managementPort;
    private Process process;
    private long startedAtNanos;
    /** The launcher wants it running: set by start(), cleared by stop() and kill(). */
    private boolean wanted;
    /** Restarted when it dies: from its first readiness until stop() or kill(). */
    private boolean supervised;
    private Duration backoff = FIRST_BACKOFF;
    private int restarts;

    ServiceProcess(Department department, Path projectRoot, Path workDir, Path logFile, int port, int managementPort,
            Map<String, String> environment, List<String> jvmOptions) {
        this(department, workDir, logFile, port, managementPort, environment, jvmOptions,
                department.classpath(projectRoot), QUARKUS_MAIN, Ports::free);
    }

    /** Any main class that serves {@code /q/health/ready} on QUARKUS_HTTP_PORT or QUARKUS_MANAGEMENT_PORT. */
    ServiceProcess(Department department, Path workDir, Path logFile, int port, int managementPort,
            Map<String, String> environment, List<String> jvmOptions, List<Path> classpath, String mainClass,
            PortChooser ports) {
        this.department = department;
        this.workDir = workDir;
        this.logFile = logFile;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classpath = List.copyOf(classpath);
        this.mainClass = mainClass;
        this.ports = ports;
        this.apiPortFixed = port != 0;
        this.managementPortFixed = managementPort != 0;
        this.port = apiPortFixed ? port : ports.freePort();
        this.managementPort = managementPortFixed ? managementPort : ports.freePort();
    }

    public Department department() {
        return department;
    }

    public String name() {
        return department.serviceName();
    }

    public synchronized int port() {
        return port;
    }

    /** The management interface's port: health ({@code /q/health}) and metrics ({@code /q/metrics}). */
    public synchronized int managementPort() {
        return managementPort;
    }

    /** {@code http://localhost:<port>} */
    public String url() {
        return "http://localhost:" + port();
    }

    /** {@code http://localhost:<management port>} */
    public String managementUrl() {
        return "http://localhost:" + managementPort();
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

    /** How often the supervisor started the service again after a death the launcher did not cause. */
    public synchronized int restarts() {
        return restarts;
    }

    /** Starts the JVM; returns at once (see {@link #awaitReady(Duration)}). */
    public synchronized void start() {
        wanted = true;
        if (isAlive()) {
            return;
        }
        launch();
    }

    /**
     * Waits until {@code /q/health/ready} answers 200, or fails naming the log if the JVM dies or time runs out. A
     * JVM that died because one of its automatically chosen ports was taken meanwhile is started again on another.
     *
     * <p>Readiness is asked on the management port and, until every service serves health there, on the API port.
     */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int portAttempts = 0;
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                if (++portAttempts < PORT_ATTEMPTS && movedOffTakenPort()) {
                    continue;
                }
                throw new LaunchException(name() + " stopped while starting, see " + logFile);
            }
            if (answersReady(managementUrl()) || answersReady(url())) {
                synchronized (this) {
                    supervised = wanted;
                }
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new LaunchException(name() + " was not ready within " + timeout.toSeconds() + " s, see " + logFile);
    }

    /** Graceful stop: SIGTERM, then waits for the JVM to end (killed after 30 s). Stays down until started. */
    public synchronized void stop() {
        wanted = false;
        supervised = false;
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

    /**
     * {@code kill -9}: no shutdown hook runs, no transaction completes. The launcher's own kill: the service stays
     * down until {@link #start()} (a kill from outside is restarted by the supervisor).
     */
    public synchronized void kill() {
        wanted = false;
        supervised = false;
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

    /**
     * Freezes the JVM ({@code SIGSTOP}): it keeps its connections and its place in consumer groups until the broker
     * times it out, but uses no CPU and answers nothing until {@link #resume()}. For benchmarks that measure one
     * service without the others' work on the same cores; needs a POSIX {@code kill} (Linux, macOS).
     */
    public synchronized void suspend() {
        signal("STOP");
    }

    /** Lets a {@link #suspend() suspended} JVM run on ({@code SIGCONT}). */
    public synchronized void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        if (process == null || !process.isAlive()) {
            throw new LaunchException(name() + " is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (kill.waitFor() != 0) {
                throw new LaunchException("kill -" + signal + " " + name() + " failed: " + output);
            }
        } catch (IOException e) {
            throw new LaunchException("kill -" + signal + " " + name() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while signalling " + name());
        }
    }

    /** Starts again after a stop or kill and waits until ready. */
    public void restart(Duration timeout) {
        stop();
        start();
        awaitReady(timeout);
    }

    private synchronized void launch() {
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        Process started = WatchedJvm.start(workDir, logFile, env, jvmOptions, classpath, mainClass, List.of());
        process = started;
        startedAtNanos = System.nanoTime();
        started.onExit().thenRun(() -> exited(started));
    }

    /**
     * After a death: if a port this JVM was given is now held by another program, a chosen port is replaced and the
     * JVM started again (true); a fixed one is reported. False: the ports are not the reason.
     */
    private synchronized boolean movedOffTakenPort() {
        if (!wanted) {
            return false; // stopped or killed meanwhile
        }
        if (isAlive()) {
            return true; // the supervisor was faster
        }
        boolean apiTaken = !Ports.isFree(port);
        boolean managementTaken = !Ports.isFree(managementPort);
        if (!apiTaken && !managementTaken) {
            return false;
        }
        if ((apiTaken && apiPortFixed) || (managementTaken && managementPortFixed)) {
            int taken = apiTaken && apiPortFixed ? port : managementPort;
            throw new LaunchException("Port " + taken + " for " + name() + " is taken by another program;"
                    + " stop it, or start with ORDERCYCLE_PORT_OFFSET=100 to move all ports");
        }
        if (apiTaken) {
            int chosen = ports.freePort();
            announce("port " + port + " for " + name() + " (API) was taken meanwhile; starting it on port " + chosen);
            port = chosen;
        }
        if (managementTaken) {
            int chosen = ports.freePort();
            announce("port " + managementPort + " for " + name() + " (management) was taken meanwhile; starting it on port "
                    + chosen);
            managementPort = chosen;
        }
        launch();
        return true;
    }

    /** The JVM ended. Unless the launcher ended it, the supervisor starts it again after the back-off. */
    private synchronized void exited(Process ended) {
        if (ended != process || !wanted || !supervised || launcherExiting) {
            return;
        }
        if (System.nanoTime() - startedAtNanos > BACKOFF_RESET.toNanos()) {
            backoff = FIRST_BACKOFF;
        }
        Duration delay = backoff;
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        restarts++;
        announce(name() + " (pid " + ended.pid() + ") exited with code " + ended.exitValue()
                + ", not stopped by the launcher; restarting it in " + delay.toSeconds() + " s (restart " + restarts + ")");
        RESTARTS.schedule(this::restartAfterDeath, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restartAfterDeath() {
        synchronized (this) {
            if (!wanted || !supervised || launcherExiting || isAlive()) {
                return;
            }
            launch();
        }
        try {
            awaitReady(RESTART_READY_TIMEOUT);
            announce(name() + " is ready again (pid " + pid() + ")");
        } catch (LaunchException e) {
            // It died while starting: exited() schedules the next attempt, with a longer back-off.
        }
    }

    private boolean answersReady(String baseUrl) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        try {
            return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false; // not listening (yet)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while waiting for " + name());
        }
    }

    /** One line on the launcher's console and in the service's log, which tells the whole story. */
    private void announce(String message) {
        System.out.println("ordercycle: " + message);
        String line = LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " [ordercycle launcher] " + message + "\n";
        try {
            Files.writeString(logFile, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the console line is there
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
