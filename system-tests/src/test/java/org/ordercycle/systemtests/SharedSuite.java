package org.ordercycle.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import org.ordercycle.launcher.Department;
import org.ordercycle.launcher.Suite;

/**
 * The one running suite (PostgreSQL, Kafka, the five packaged services) the system tests of a JVM share: started by
 * the first test that needs it, stopped when the test run ends ({@link SharedSuiteCloser}, registered with the JUnit
 * launcher; a shutdown hook stays as the fallback). Starting it costs a minute on two cores; every test class
 * starting its own would cost the build minutes for nothing.
 */
final class SharedSuite {

    private static Suite suite;

    private SharedSuite() {
    }

    /** The running suite, started on the first call. */
    static synchronized Suite get() {
        if (suite == null) {
            Path root = Path.of(System.getProperty("ordercycle.root", "..")).toAbsolutePath().normalize();
            long started = System.nanoTime();
            Suite running = Suite.start(Suite.Options.ephemeral(root, root.resolve("system-tests/target/system-test-logs")));
            System.out.printf("%nSuite up (PostgreSQL, Kafka, 5 services) in %.1f s%n%n",
                    (System.nanoTime() - started) / 1e9);
            Runtime.getRuntime().addShutdownHook(new Thread(SharedSuite::close, "shared-suite-stop"));
            suite = running;
        }
        return suite;
    }

    /** Stops the suite if one runs. Not from a shutdown hook alone: Surefire kills a JVM that takes 30 s to exit. */
    static synchronized void close() {
        if (suite != null) {
            Suite running = suite;
            suite = null;
            running.close();
        }
    }

    /** The service's API base URL, e.g. {@code http://localhost:41234}. */
    static String url(Department department) {
        return get().service(department).url();
    }

    /** A token for {@code user} with the roles, valid for an hour. */
    static String token(String user, String... roles) {
        return get().token(user, Duration.ofHours(1), roles);
    }
}
