package org.ordercycle.testinfra;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a test JVM killed with SIGKILL leaves behind is gone after the next start. */
class OrphanedServersTest {

    @Test
    void serversOfAKilledJvmDoNotOutliveIt() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(java.io.File.pathSeparator, TestSupport.testClasspath()),
                ServersThenWait.class.getName());
        Process jvm = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String[] dirs;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertNotNull(line, "the helper JVM printed its servers' folders");
            dirs = line.split(" ");
        }
        Path postgresDir = Path.of(dirs[0]);
        Path kafkaDir = Path.of(dirs[1]);
        ProcessHandle postmaster = Processes.fromPidFile(postgresDir.resolve("pgdata/postmaster.pid")).orElseThrow();
        ProcessHandle broker = Processes.fromPidFile(kafkaDir.resolve("broker.pid")).orElseThrow();

        jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(jvm.waitFor(10, TimeUnit.SECONDS));

        assertTrue(Processes.awaitExit(broker, Duration.ofSeconds(30)), "the broker's watchdog ends it with its parent");
        assertTrue(Processes.isRunning(postmaster), "pg_ctl started PostgreSQL detached: only the sweep can stop it");

        PidRegistry.sweepLeftovers();

        assertFalse(Processes.isRunning(postmaster));
        assertFalse(Files.exists(postgresDir), "the killed JVM's temporary folders are removed");
        assertFalse(Files.exists(kafkaDir));
        assertEquals(Optional.empty(), Processes.alive(jvm.pid()));
    }

    /** Helper JVM: starts the shared servers, prints their folders, then waits to be killed. */
    public static final class ServersThenWait {
        public static void main(String[] args) throws Exception {
            System.out.println(TestInfra.postgres().dir() + " " + TestInfra.kafka().dir());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
