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
     * {@link ProcessHandle#isAlive()} counts zombies as alive. Our own children (the Kafka JVM) are reaped by the
     * JDK as soon as all their threads are gone, so for them isAlive() is exact.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        boolean ourChild = process.parent().map(parent -> parent.pid() == ProcessHandle.current().pid()).orElse(false);
        return ourChild || !isZombie(process);
    }

    private static boolean isZombie(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int endOfName = stat.lastIndexOf(')'); // "pid (name) state ..."
            return endOfName > 0 && endOfName + 2 < stat.length() && stat.charAt(endOfName + 2) == 'Z';
        } catch (IOException e) { // gone meanwhile, or no /proc
            return false;
        }
    }

    /**
     * Asks a process to stop with a signal (TERM, or INT for PostgreSQL's "fast" shutdown, which Java
     * cannot send itself), waits up to {@code grace}, then kills it. Returns when the process is gone.
     */
    static void stop(ProcessHandle process, String signal, Duration grace) {
        sendSignal(process.pid(), signal);
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

    private static void sendSignal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(); // a non-zero exit means the process is already gone
        } catch (IOException e) {
            throw new IllegalStateException("Could not send SIG" + signal + " to process " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
