package org.ordercycle.testinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 17 server from the zonky embedded binaries.
 *
 * <p>Its folder holds the data directory {@code pgdata/} and the server's log {@code postgres.log}. Every
 * control (stop, start, isRunning) works from that folder and PostgreSQL's own {@code postmaster.pid}, so any
 * handle on the same folder controls the same server, whichever class loader or object started it.
 */
public final class Postgres implements AutoCloseable {

    private static final String SERVER = "PostgreSQL";
    private static final String HOST = "127.0.0.1";
    private static final String SUPERUSER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** What pg_ctl logs when the server it started exits during startup. */
    private static final String PG_CTL_FAILED = "pg_ctl: could not start server";
    /** Plain lower-case SQL identifiers need no quoting, so names can go into DDL as they are. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Tests need speed, not crash safety: the server may lose the last commits if the machine fails. */
    private static final Map<String, String> TEST_CONFIG = Map.of(
            "fsync", "off", "synchronous_commit", "off", "full_page_writes", "off");
    /** The local launcher keeps real data: every commit is on disk before it is acknowledged. */
    private static final Map<String, String> DURABLE_CONFIG = Map.of(
            "fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

    private final Path dir;
    private final int port;
    private final boolean durable;
    /** TestInfra's server: lives until the JVM ends, so close() leaves it running. */
    private final boolean shared;

    private Postgres(Path dir, int port, boolean durable, boolean shared) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
        this.durable = durable;
        this.shared = shared;
    }

    /** A server with test settings (fsync etc. off) on a free port in a temporary folder, which {@link #close()} removes. */
    public static Postgres startEphemeral() {
        return start(new Postgres(PidRegistry.temporaryFolder("postgres-"), Ports.freePort(), false, false));
    }

    /**
     * A server whose data is kept in {@code dataDir} (created if absent, reused if present), with fsync,
     * synchronous_commit and full_page_writes on. A kept folder only opens with the PostgreSQL major version
     * that created it (17).
     */
    public static Postgres startDurable(Path dataDir, int port) {
        return start(new Postgres(Dirs.createDirectories(dataDir.toAbsolutePath()), port, true, false));
    }

    /** TestInfra's server, started once per JVM; never removed by {@link #close()}. */
    static Postgres startShared() {
        return start(new Postgres(PidRegistry.temporaryFolder("postgres-"), Ports.freePort(), false, true));
    }

    /** A handle on a running shared server, e.g. one started from another class loader. */
    static Postgres attachShared(Path dir, int port) {
        return new Postgres(dir, port, false, true);
    }

    private static Postgres start(Postgres postgres) {
        postgres.start();
        return postgres;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    public boolean isRunning() {
        return postmaster().isPresent();
    }

    /**
     * Creates, if absent, a login role {@code user} with {@code password} and a database owned by it.
     * Names must be plain lower-case SQL identifiers.
     */
    public void createDatabase(String database, String user, String password) {
        requireIdentifier("database", database);
        requireIdentifier("user", user);
        Objects.requireNonNull(password, "password");
        try (Connection admin = connectAsSuperuser()) {
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                executeUnlessDuplicate(admin, "CREATE ROLE " + user + " LOGIN PASSWORD " + quoteLiteral(password));
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                executeUnlessDuplicate(admin, "CREATE DATABASE " + database + " OWNER " + user);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " for " + user
                    + " on " + SERVER + " port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Switches the running server to durable settings (fsync, synchronous_commit, full_page_writes on) or back to
     * the test settings, without a restart: for a benchmark that must measure what production pays for a commit.
     */
    public void setDurable(boolean durable) {
        Map<String, String> settings = durable ? DURABLE_CONFIG : TEST_CONFIG;
        try (Connection admin = connectAsSuperuser(); java.sql.Statement statement = admin.createStatement()) {
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                statement.execute("ALTER SYSTEM SET " + setting.getKey() + " = " + quoteLiteral(setting.getValue()));
            }
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change the durability of " + SERVER + ": " + e.getMessage(), e);
        }
    }

    /** Starts the server (again) on the same port and data directory; returns once it accepts connections. */
    public void start() {
        synchronized (JvmWide.lock("server:" + dir)) {
            if (isRunning()) {
                return;
            }
            PidRegistry.sweepLeftovers();
            Ports.requireFree(SERVER, port);
            releaseStaleLock();
            LogTail log = LogTail.from(logFile());
            try {
                startEmbedded(log);
            } catch (IOException | RuntimeException e) {
                throw new ServerStartException(SERVER + " could not start on port " + port + " with data directory "
                        + dataDirectory() + madeBy() + describe(log), e);
            }
            ProcessHandle postmaster = postmaster().orElseThrow(() -> new ServerStartException(
                    SERVER + " started on port " + port + " but left no postmaster.pid in " + dataDirectory()));
            PidRegistry.registerProcess(PidRegistry.Kind.POSTGRES, postmaster.pid());
        }
    }

    /** Fast shutdown (SIGINT: open sessions are ended, data is flushed); waits until the server is gone. */
    public void stop() {
        synchronized (JvmWide.lock("server:" + dir)) {
            postmaster().ifPresent(postmaster -> {
                Processes.stop(postmaster, "INT", STOP_GRACE);
                PidRegistry.unregisterProcess(PidRegistry.Kind.POSTGRES, postmaster.pid());
            });
        }
    }

    /** Stops the server; an ephemeral server's folder is removed. TestInfra's server is left running. */
    @Override
    public void close() {
        if (!shared) {
            closeNow();
        }
    }

    void closeNow() {
        stop();
        if (!durable) {
            Dirs.deleteRecursively(dir);
            PidRegistry.unregisterFolder(dir);
        }
    }

    Path dir() {
        return dir;
    }

    @Override
    public String toString() {
        return "Postgres[" + HOST + ":" + port + ", " + dir + "]";
    }

    /**
     * zonky runs initdb when the data directory is new, then pg_ctl start. pg_ctl starts the server detached,
     * so the {@link EmbeddedPostgres} object is not needed afterwards: stop() works from postmaster.pid.
     *
     * <p>zonky then polls the server for up to {@link #START_TIMEOUT} and ignores pg_ctl's verdict, so a server
     * that cannot start would cost the whole timeout. pg_ctl writes its verdict to the log at once: this method
     * watches for it while zonky waits in another thread.
     */
    private void startEmbedded(LogTail log) throws IOException {
        Map<String, String> config = durable ? DURABLE_CONFIG : TEST_CONFIG;
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(logFile().toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory())
                .setCleanDataDirectory(false)   // this class removes ephemeral folders itself, on close
                .setRegisterShutdownHook(false) // TestInfra or the caller decides when the server stops
                .setPort(port)
                .setPGStartupWait(START_TIMEOUT)
                .setOutputRedirector(toLog)
                .setErrorRedirector(toLog);
        config.forEach(builder::setServerConfig);

        FutureTask<EmbeddedPostgres> start = new FutureTask<>(builder::start);
        Thread starter = new Thread(start, "ordercycle-postgres-start-" + port);
        starter.setDaemon(true);
        starter.start();
        while (true) {
            try {
                start.get(100, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (log.contains(PG_CTL_FAILED)) {
                    throw new IOException(PG_CTL_FAILED);
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException) {
                    throw (IOException) e.getCause();
                }
                throw new IOException(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /**
     * zonky locks {@code epg-lock} in the data directory for as long as its EmbeddedPostgres object lives, and a
     * second lock on the same file from this JVM fails. After a stop through another handle, that stale object
     * may still hold it; a fresh file gets a fresh lock. PostgreSQL's own postmaster.pid still guards the data.
     */
    private void releaseStaleLock() {
        try {
            Files.deleteIfExists(dataDirectory().resolve("epg-lock"));
        } catch (IOException e) {
            throw new ServerStartException(SERVER + " could not start: cannot remove the stale lock in "
                    + dataDirectory() + ": " + e.getMessage(), e);
        }
    }

    private Optional<ProcessHandle> postmaster() {
        return Processes.fromPidFile(dataDirectory().resolve("postmaster.pid")).filter(PidRegistry.Kind.POSTGRES::matches);
    }

    /** " (made by PostgreSQL N)" for an existing data directory: the usual reason a kept folder will not start. */
    private String madeBy() {
        try {
            Path version = dataDirectory().resolve("PG_VERSION");
            return Files.exists(version) ? " (made by PostgreSQL " + Files.readString(version).trim() + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(LogTail log) {
        return log.lastLineWith("FATAL", "PANIC", "ERROR").map(line -> ": " + line).orElse("") + ", see " + log.file();
    }

    private Connection connectAsSuperuser() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        // The driver directly, not DriverManager: DriverManager refuses drivers from other class loaders,
        // and Quarkus tests use several.
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl("postgres"), properties);
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver rejected " + jdbcUrl("postgres"));
        }
        return connection;
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Two JVMs (or threads) may create the same role or database at once; the loser's duplicate is fine. */
    private static void executeUnlessDuplicate(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            boolean duplicate = "42710".equals(e.getSQLState()) || "42P04".equals(e.getSQLState());
            if (!duplicate) {
                throw e;
            }
        }
    }

    private static void requireIdentifier(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name must be a lower-case SQL identifier: " + name);
        }
    }

    private static String quoteLiteral(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private Path dataDirectory() {
        return dir.resolve("pgdata");
    }

    private Path logFile() {
        return dir.resolve("postgres.log");
    }
}
