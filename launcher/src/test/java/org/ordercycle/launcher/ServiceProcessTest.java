package org.ordercycle.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's supervision of one service process, with a stand-in that starts in a blink. */
class ServiceProcessTest {

    private static final Duration READY = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final List<ServerSocket> grabbed = new ArrayList<>();
    private ServiceProcess service;

    @AfterEach
    void stopEverything() throws Exception {
        if (service != null) {
            service.stop();
        }
        for (ServerSocket socket : grabbed) {
            socket.close();
        }
    }

    /** As Kubernetes would: a death the launcher did not cause is announced and followed by a restart. */
    @Test
    void serviceKilledFromOutsideComesBackReadyWithALineSayingSo() throws Exception {
        service = standIn(Ports::free);
        service.start();
        service.awaitReady(READY);
        long firstPid = service.pid();

        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly(); // kill -9, not through the launcher

        long deadline = System.nanoTime() + READY.toNanos();
        while (service.pid() == firstPid || !service.isAlive()) {
            assertTrue(System.nanoTime() < deadline, "restarted within " + READY.toSeconds() + " s");
            Thread.sleep(50);
        }
        service.awaitReady(READY);
        assertNotEquals(firstPid, service.pid());
        assertEquals(1, service.restarts());
        String log = awaitLogLine("contact-service is ready again (pid " + service.pid() + ")");
        assertTrue(log.contains("[ordercycle launcher] contact-service (pid " + firstPid + ") exited with code 137,"
                + " not stopped by the launcher; restarting it in 1 s (restart 1)"), log);
    }

    /** The launcher's own kill is a deliberate one: the service stays down until the launcher starts it. */
    @Test
    void serviceKilledByTheLauncherStaysDownUntilStarted() throws Exception {
        service = standIn(Ports::free);
        service.start();
        service.awaitReady(READY);

        service.kill();
        Thread.sleep(2_500); // longer than the first back-off
        assertFalse(service.isAlive());
        assertEquals(0, service.restarts());

        service.start();
        service.awaitReady(READY);
        assertTrue(service.isAlive());
    }

    /** Another program binds the chosen port before the service does: the service gets another one. */
    /** A benchmark freezes the services it does not measure: a suspended one answers nothing until resumed. */
    @Test
    void suspendedServiceAnswersNothingUntilResumed() throws Exception {
        service = standIn(Ports::free);
        service.start();
        service.awaitReady(READY);
        long pid = service.pid();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(service.managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(1)).build();

        service.suspend();
        try {
            assertEquals("T", processState(pid), "stopped by SIGSTOP");
            assertThrows(HttpTimeoutException.class, () -> http.send(ready, HttpResponse.BodyHandlers.discarding()));
        } finally {
            service.resume();
        }

        service.awaitReady(READY);
        assertEquals(pid, service.pid(), "the same JVM, not a restart");
        assertEquals(0, service.restarts());
        assertNotEquals("T", processState(pid));
    }

    /** The state letter of /proc/PID/stat (after the command's closing parenthesis). */
    private static String processState(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    }

    @Test
    void portTakenRightAfterItWasChosenIsReplaced() throws Exception {
        List<Integer> chosen = new ArrayList<>();
        service = standIn(() -> {
            int port = Ports.free();
            chosen.add(port);
            if (chosen.size() == 1) {
                grab(port); // the API port: taken between "found free" and "bound"
            }
            return port;
        });
        int takenPort = service.port();
        service.start();
        service.awaitReady(READY);

        assertEquals(chosen.get(0), takenPort);
        assertNotEquals(takenPort, service.port());
        assertTrue(service.isAlive());
        assertTrue(Files.readString(service.logFile()).contains("port " + takenPort
                + " for contact-service (API) was taken meanwhile; starting it on port " + service.port()));
    }

    private ServiceProcess standIn(ServiceProcess.PortChooser ports) {
        List<Path> classpath = new ArrayList<>();
        String testClasspath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : testClasspath.split(File.pathSeparator)) {
            classpath.add(Path.of(entry));
        }
        return new ServiceProcess(Department.CONTACT, dir.resolve("work"), dir.resolve("contact-service.log"), 0, 0,
                Map.of(), List.of("-Xmx32m", "-XX:TieredStopAtLevel=1"), classpath, StandInService.class.getName(), ports);
    }

    private void grab(int port) {
        try {
            grabbed.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String awaitLogLine(String line) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            String log = Files.readString(service.logFile());
            if (log.contains(line) || System.nanoTime() > deadline) {
                assertTrue(log.contains(line), log);
                return log;
            }
            Thread.sleep(50);
        }
    }
}
