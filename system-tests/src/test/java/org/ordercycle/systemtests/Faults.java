package org.ordercycle.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ordercycle.launcher.Department;
import org.ordercycle.launcher.ServiceProcess;
import org.ordercycle.launcher.Suite;

/**
 * The faults, one after another while the load runs: each of the five services killed with SIGKILL and started
 * again; the broker stopped and started again on the same port and data; PostgreSQL stopped (fast shutdown: every
 * session ended) and started again on the same port and data. Each outage lasts {@code down} before the start.
 */
final class Faults implements Runnable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    /** One fault as it happened: what, when it began (seconds into the load) and how long the outage lasted. */
    record Injected(String what, double atSeconds, double outageSeconds) {
    }

    private final Suite suite;
    private final Duration down;
    private final Duration gap;
    private final long loadStarted;
    private final List<Injected> injected = new ArrayList<>();
    private volatile Throwable failure;

    Faults(Suite suite, Duration down, Duration gap, long loadStarted) {
        this.suite = suite;
        this.down = down;
        this.gap = gap;
        this.loadStarted = loadStarted;
    }

    @Override
    public void run() {
        try {
            // The broker and PostgreSQL go down between the services, while the load is at its height.
            kill(Department.SALES);
            kill(Department.PRODUCTION);
            inject("Kafka broker stop + start", () -> {
                suite.kafka().stop();
                pause(down);
                suite.kafka().start();
            });
            pause(gap);
            kill(Department.BILLING);
            inject("PostgreSQL stop + start", () -> {
                suite.postgres().stop();
                pause(down);
                suite.postgres().start();
            });
            pause(gap);
            kill(Department.RETURNS);
            kill(Department.CONTACT);
        } catch (Throwable e) {
            failure = e;
        }
    }

    /** SIGKILL, down for a while, started again on the same ports; returns once it answers ready. */
    private void kill(Department department) {
        ServiceProcess service = suite.service(department);
        inject(department.serviceName() + " SIGKILL + restart", () -> {
            service.kill();
            pause(down);
            service.start();
            service.awaitReady(READY_TIMEOUT);
        });
        pause(gap);
    }

    private void inject(String what, Runnable fault) {
        long began = System.nanoTime();
        System.out.printf("fault: %s at %.1f s%n", what, (began - loadStarted) / 1e9);
        fault.run();
        long ended = System.nanoTime();
        synchronized (injected) {
            injected.add(new Injected(what, (began - loadStarted) / 1e9, (ended - began) / 1e9));
        }
        System.out.printf("fault: %s over after %.1f s%n", what, (ended - began) / 1e9);
    }

    List<Injected> injected() {
        synchronized (injected) {
            return List.copyOf(injected);
        }
    }

    Throwable failure() {
        return failure;
    }

    /**
     * Whatever happened, the shared suite is whole again afterwards (other system tests run on it): PostgreSQL and
     * the broker running, every service started and ready.
     */
    static void heal(Suite suite) {
        suite.postgres().start();
        suite.kafka().start();
        for (ServiceProcess service : suite.services()) {
            service.start();
        }
        for (ServiceProcess service : suite.services()) {
            service.awaitReady(READY_TIMEOUT);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
