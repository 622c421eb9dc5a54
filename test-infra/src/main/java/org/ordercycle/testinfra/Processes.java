package org.ordercycle.testinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Operating system processes known only by their pid. The servers are controlled by pid, not through a
 * {@link Process} object, because the handle that stops a server is often not the one that started it
 * (another class loader, or PostgreSQL, which pg_ctl starts detached).
 */
final class Processes {

    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;

    private Processes() {
    }

    /** The pid in the first line of a pid file, if the file exists and names a live process. */
    static Optional<ProcessHandle> fromPidFile(Path pidFile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (IOException e) { // absent or unreadable: no process
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return alive(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<ProcessHandle> alive(long pid) {
        return ProcessHandle.of(pid).filter(Processes::isRunning);
    }

    static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }

    /**
     * Alive, and for a process that is not our child also not a zombie: PostgreSQL is not our child, and when it
     * exits it stays a zombie until the system's init process reaps it, which can take seconds, while
     * {@link ProcessHandle#isAlive()} counts zombies as alive. A zombie has no executable any more, so the JDK
     * reports no command for it (Linux and macOS alike); our own servers run as our user, so for a live one it
     * does. Our own children (the Kafka JVM) are reaped by the JDK as soon as they exit, so for them isAlive()
     * is exact.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        boolean ourChild = process.parent().map(parent -> parent.pid() == ProcessHandle.current().pid()).orElse(false);
        return ourChild || process.info().command().isPresent();
    }

    /** How a server is asked to stop before it is killed. */
    enum StopRequest {
        /** SIGTERM, sent by the JDK ({@link ProcessHandle#destroy()}): Kafka and the JVMs shut down cleanly. */
        TERMINATE,
        /**
         * SIGINT: PostgreSQL's "fast" shutdown (sessions are ended, data flushed). SIGTERM would be its "smart"
         * shutdown, which waits for every client to disconnect, and the JDK can send no other signal.
         */
        INTERRUPT
    }

    /** Asks a process to stop, waits up to {@code grace}, then kills it. Returns when the process is gone. */
    static void stop(ProcessHandle process, StopRequest request, Duration grace) {
        switch (request) {
            case TERMINATE -> process.destroy();
            case INTERRUPT -> Signals.interrupt(process);
        }
        if (!awaitExit(process, grace)) {
            kill(process);
        }
    }

    /** SIGKILL, then wait until the process is gone. */
    static void kill(ProcessHandle process) {
        process.destroyForcibly();
        awaitExit(process, KILL_WAIT);
    }

    /**
     * Polls rather than using {@link ProcessHandle#onExit()}, which for a process that is not our child
     * notices the exit only seconds later.
     */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(process);
            }
        }
        return true;
    }
}
