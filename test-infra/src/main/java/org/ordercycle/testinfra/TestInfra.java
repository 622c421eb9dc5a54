package org.ordercycle.testinfra;

import java.nio.file.Path;

/**
 * One PostgreSQL and one Kafka broker per test JVM, shared by all test classes (plain JUnit and
 * {@code @QuarkusTest}), started on first use and stopped when the JVM exits.
 *
 * <p>Quarkus loads test classes through its own class loaders, so this class (and its static fields) may
 * exist several times in one JVM. The first copy that starts a server therefore publishes its facts (folder,
 * ports) as system properties {@code ordercycle.test-infra.*}; any other copy attaches a handle to the same
 * running server. Control goes through the server's folder and pid file, so stop(), kill() and start() work
 * from every handle. Only the copy that started a server registers the shutdown hook that stops it.
 *
 * <p>A test that stops a server (fault tests) must start it again, e.g. in a finally block: the next test
 * class gets the same server. ({@link OrderCycleTestResource} starts a stopped server again.)
 */
public final class TestInfra {

    static final String PROPERTY_PREFIX = "ordercycle.test-infra.";
    static final String POSTGRES_DIR = PROPERTY_PREFIX + "postgres.dir";
    static final String POSTGRES_PORT = PROPERTY_PREFIX + "postgres.port";
    static final String KAFKA_DIR = PROPERTY_PREFIX + "kafka.dir";
    static final String KAFKA_PORT = PROPERTY_PREFIX + "kafka.port";
    static final String KAFKA_CONTROLLER_PORT = PROPERTY_PREFIX + "kafka.controller-port";
    static final String KAFKA_BOOTSTRAP_SERVERS = PROPERTY_PREFIX + "kafka.bootstrap-servers";
    static final String JWT_DIR = PROPERTY_PREFIX + "jwt.dir";

    /** This class loader's handles; the servers behind them are the JVM's. */
    private static Postgres postgres;
    private static KafkaBroker kafka;

    private TestInfra() {
    }

    public static Postgres postgres() {
        synchronized (JvmWide.lock("test-infra-postgres")) {
            if (postgres == null) {
                postgres = System.getProperty(POSTGRES_PORT) != null ? attachPostgres() : startPostgres();
            }
            return postgres;
        }
    }

    public static KafkaBroker kafka() {
        synchronized (JvmWide.lock("test-infra-kafka")) {
            if (kafka == null) {
                kafka = System.getProperty(KAFKA_PORT) != null ? attachKafka() : startKafka();
            }
            return kafka;
        }
    }

    /** Signs test tokens; its key pair lives in a temporary folder for this JVM's lifetime. */
    public static JwtIssuer jwt() {
        synchronized (JvmWide.lock("test-infra-jwt")) {
            String dir = System.getProperty(JWT_DIR);
            if (dir == null) {
                Path created = Dirs.createTemp("jwt-");
                dir = created.toString();
                System.setProperty(JWT_DIR, dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> Dirs.deleteRecursively(created), "ordercycle-test-infra-jwt-clean"));
            }
            return JwtIssuer.inFolder(Path.of(dir));
        }
    }

    private static Postgres startPostgres() {
        // A benchmark run (-Dbenchmark=true) measures what production pays for a commit: fsync and all on.
        Postgres started = Postgres.startShared(Boolean.getBoolean("benchmark")
                || Boolean.getBoolean("ordercycle.postgres.durable"));
        System.setProperty(POSTGRES_DIR, started.dir().toString());
        System.setProperty(POSTGRES_PORT, Integer.toString(started.port()));
        Runtime.getRuntime().addShutdownHook(new Thread(started::closeNow, "ordercycle-test-infra-postgres-stop"));
        return started;
    }

    private static Postgres attachPostgres() {
        return Postgres.attachShared(Path.of(System.getProperty(POSTGRES_DIR)),
                Integer.parseInt(System.getProperty(POSTGRES_PORT)));
    }

    private static KafkaBroker startKafka() {
        KafkaBroker started = KafkaBroker.startShared();
        System.setProperty(KAFKA_DIR, started.dir().toString());
        System.setProperty(KAFKA_PORT, Integer.toString(started.port()));
        System.setProperty(KAFKA_CONTROLLER_PORT, Integer.toString(started.controllerPort()));
        System.setProperty(KAFKA_BOOTSTRAP_SERVERS, started.bootstrapServers());
        Runtime.getRuntime().addShutdownHook(new Thread(started::closeNow, "ordercycle-test-infra-kafka-stop"));
        return started;
    }

    private static KafkaBroker attachKafka() {
        return KafkaBroker.attachShared(Path.of(System.getProperty(KAFKA_DIR)),
                Integer.parseInt(System.getProperty(KAFKA_PORT)),
                Integer.parseInt(System.getProperty(KAFKA_CONTROLLER_PORT)));
    }
}
