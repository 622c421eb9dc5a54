package org.ordercycle.testinfra;

import java.io.IOException;

/**
 * The one Unix signal this library needs that the JDK cannot send: SIGINT, PostgreSQL's fast shutdown. SIGTERM
 * ({@link ProcessHandle#destroy()}) and SIGKILL ({@link ProcessHandle#destroyForcibly()}) come from the JDK; only
 * this class runs the POSIX {@code kill} command (present on Linux and macOS).
 */
final class Signals {

    private Signals() {
    }

    /** Sends SIGINT; a process that is already gone is fine. */
    static void interrupt(ProcessHandle process) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(); // a non-zero exit means the process is already gone
        } catch (IOException e) {
            throw new IllegalStateException("Could not send SIGINT to process " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
