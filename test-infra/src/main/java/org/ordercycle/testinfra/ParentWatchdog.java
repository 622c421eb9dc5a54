package org.ordercycle.testinfra;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;

/**
 * Main class of the Kafka child JVM: {@code ParentWatchdog <main class> <args...>} runs the main class and
 * ends the JVM when the parent JVM is gone.
 *
 * <p>The parent keeps the child's stdin pipe open and never writes to it. When the parent dies, however it
 * dies (even {@code kill -9}), the operating system closes the pipe and the read below sees end of file.
 * The JVM then exits normally, so Kafka's shutdown hook closes its logs cleanly; if that takes longer than
 * {@link #SHUTDOWN_GRACE_MILLIS} the JVM is halted.
 *
 * <p>Only JDK classes are used here: this class is copied alone onto the child's classpath.
 */
public final class ParentWatchdog {

    static final long SHUTDOWN_GRACE_MILLIS = 20_000;

    private ParentWatchdog() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ParentWatchdog <main class> [args...]");
            System.exit(2);
        }
        Thread watchdog = new Thread(ParentWatchdog::exitWhenParentIsGone, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        MethodHandle main = MethodHandles.publicLookup().findStatic(
                Class.forName(args[0]), "main", MethodType.methodType(void.class, String[].class));
        main.invokeExact(Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitWhenParentIsGone() {
        try {
            while (System.in.read() != -1) {
                // the parent never writes; only end of file matters
            }
        } catch (IOException e) {
            // a broken pipe means the same: the parent is gone
        }
        System.err.println("[parent-watchdog] parent process is gone, shutting down");
        Thread halt = new Thread(ParentWatchdog::haltAfterGrace, "parent-watchdog-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(0);
    }

    private static void haltAfterGrace() {
        try {
            Thread.sleep(SHUTDOWN_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println("[parent-watchdog] shutdown took too long, halting");
        Runtime.getRuntime().halt(1);
    }
}
