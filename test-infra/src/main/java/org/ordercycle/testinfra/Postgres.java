package org.ordercycle.testinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 17 server from the zonky embedded binaries.
 *
 * <p>Its folder holds the data directory {@code pgdata/}, the server's log {@code postgres.log} and the
 * superuser's password {@code superuser.password} (readable by its owner only). Every control (stop, start,
 * isRunning) works from that folder and PostgreSQL's own {@code postmaster.pid}, so any handle on the same folder
 * controls the same server, whichever class loader or object started it.
 *
 * <p>Every connection authenticates with a password (SCRAM-SHA-256), the superuser's too: initdb runs with
 * {@code --auth=scram-sha-256}, and {@code pg_hba.conf} is rewritten on every start, so a local user who knows the
 * port cannot walk in. A data directory made by an older version of this class (authentication {@code trust}) is
 * upgraded on its first start: the superuser gets a password and trust is gone.
 */
public final class Postgres implements AutoCloseable {

    private static final String SERVER = "PostgreSQL";
    private static final String HOST = "127.0.0.1";
    private static final String SUPERUSER = "postgres";
    private static final String SUPERUSER_PASSWORD_FILE = "superuser.password";
    /** pg_hba.conf, written at every start: password authentication for everybody, on loopback only. */
    private static final String HBA = """
            # Written by OrderCycle test-infra at every start: every connection authenticates with a password (SCRAM).
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;
    /** What the runtime role of a service may do with the tables and sequences the owner role creates. */
    private static final String TABLE_RIGHTS = "SELECT, INSERT, UPDATE, DELETE";
    private static final String SEQUENCE_RIGHTS = "USAGE, SELECT";
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
    /**
     * fsync, synchronous_commit, full_page_writes: given on the server's command line (zonky's defaults are there
     * too), where they outrank ALTER SYSTEM — so changing them means a restart ({@link #setDurable}).
     */
    private volatile Map<String, String> settings;
    /** TestInfra's server: lives until the JVM ends, so close() leaves it running. */
    private final boolean shared;

    private Postgres(Path dir, int port, boolean durable, boolean shared) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
        this.durable = durable;
        this.shared = shared;
        this.settings = durable ? DURABLE_CONFIG : TEST_CONFIG;
    }

    /** A server with test settings (fsync etc. off) on a free port in a temporary folder, which {@link #close()} removes. */
    public static Postgres startEphemeral() {
        return startEphemeral(Ports::freePort);
    }

    /** As above, with ports from {@code freePorts}; one taken before the server bound it is replaced. */
    static Postgres startEphemeral(IntSupplier freePorts) {
        return Ports.startOnFreePorts(1, freePorts, ports -> startInTemporaryFolder(ports[0], false));
    }

    /**
     * A server whose data is kept in {@code dataDir} (created if absent, reused if present), with fsync,
     * synchronous_commit and full_page_writes on. A kept folder only opens with the PostgreSQL major version
     * that created it (17).
     */
    public static Postgres startDurable(Path dataDir, int port) {
        return start(new Postgres(Dirs.createDirectories(dataDir.toAbsolutePath()), port, true, false));
    }

    /**
     * TestInfra's server, started once per JVM; never removed by {@link #close()}. With {@code durableSettings}
     * (benchmarks) it starts with fsync, synchronous_commit and full_page_writes on, its folder still temporary.
     */
    static Postgres startShared(boolean durableSettings) {
        return Ports.startOnFreePorts(1, Ports::freePort,
                ports -> startInTemporaryFolder(ports[0], true, durableSettings));
    }

    /** A failed start leaves its folder, with the log its message names, to the sweep after this JVM. */
    private static Postgres startInTemporaryFolder(int port, boolean shared) {
        return startInTemporaryFolder(port, shared, false);
    }

    private static Postgres startInTemporaryFolder(int port, boolean shared, boolean durableSettings) {
        Postgres postgres = new Postgres(PidRegistry.temporaryFolder("postgres-"), port, false, shared);
        if (durableSettings) {
            postgres.settings = DURABLE_CONFIG;
        }
        return start(postgres);
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
     * Creates, if absent, a login role {@code user} and a database owned by it that only this role (and the
     * superuser) may connect to. The password is set on every call. Names must be plain lower-case SQL identifiers.
     */
    public void createDatabase(String database, String user, String password) {
        createDatabase(database, new Login(user, password), null);
    }

    /**
     * A service's database, created if absent, with two login roles whose passwords are set on every call:
     * <ul>
     * <li>{@code owner} owns the database and its {@code public} schema: it runs the migrations (Flyway);</li>
     * <li>{@code runtime} may connect, and read and write the rows of every table and sequence the owner creates
     *     there ({@value #TABLE_RIGHTS}; {@value #SEQUENCE_RIGHTS} on sequences), nothing else: no DDL.</li>
     * </ul>
     * Nobody else may connect: CONNECT is revoked from PUBLIC here and on the {@code postgres} and
     * {@code template1} databases, so one service's roles cannot reach another service's database. A database whose
     * owner is {@code runtime} (the layout before owner roles) is handed to {@code owner} with everything in it.
     */
    public void createDatabase(String database, Login owner, Login runtime) {
        requireIdentifier("database", database);
        requireIdentifier("user", owner.user());
        if (runtime != null) {
            requireIdentifier("user", runtime.user());
            if (runtime.user().equals(owner.user())) {
                throw new IllegalArgumentException("the runtime user must not be the owner: " + owner.user());
            }
        }
        synchronized (JvmWide.lock("create-database:" + dir)) {
            try (Connection admin = connectAsSuperuser("postgres")) {
                ensureLogin(admin, owner);
                if (runtime != null) {
                    ensureLogin(admin, runtime);
                }
                String currentOwner = queryOne(admin,
                        "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", database);
                if (currentOwner == null) {
                    executeUnlessDuplicate(admin, "CREATE DATABASE " + database + " OWNER " + owner.user());
                } else if (runtime != null && runtime.user().equals(currentOwner)) {
                    // Ownership first: a change of owner rewrites the old owner's grants, ours among them.
                    try (Connection inDatabase = connectAsSuperuser(database)) {
                        execute(inDatabase, "REASSIGN OWNED BY " + runtime.user() + " TO " + owner.user());
                    }
                }
                if (currentOwner != null) {
                    execute(admin, "ALTER DATABASE " + database + " OWNER TO " + owner.user());
                }
                execute(admin, "REVOKE ALL ON DATABASE postgres, template1 FROM PUBLIC",
                        "REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
                if (runtime != null) {
                    execute(admin, "GRANT CONNECT ON DATABASE " + database + " TO " + runtime.user());
                    try (Connection inDatabase = connectAsSuperuser(database)) {
                        grantRowAccess(inDatabase, owner.user(), runtime.user());
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create database " + database + " for " + owner.user()
                        + " on " + SERVER + " port " + port + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A connection as the superuser, for set-up and for tests that need it (e.g. ending other sessions). Services
     * never get these credentials.
     */
    public Connection connectAsSuperuser(String database) throws SQLException {
        return connectWith(SUPERUSER, superuserPassword(), database);
    }

    /**
     * Switches the server to durable settings (fsync, synchronous_commit, full_page_writes on) or back to the test
     * settings: for a benchmark that must measure what production pays for a commit. They are command-line settings,
     * so a change restarts the server (open connections break; the services' pools and consumers reconnect) — a
     * benchmark run is better started durable (TestInfra does with {@code -Dbenchmark=true}), which makes this a
     * check. Either way the settings are read back from the server.
     */
    public void setDurable(boolean durable) {
        Map<String, String> wanted = durable ? DURABLE_CONFIG : TEST_CONFIG;
        synchronized (JvmWide.lock("server:" + dir)) {
            if (!wanted.equals(settings)) {
                stop();
                settings = wanted;
                start();
            }
        }
        try (Connection admin = connectAsSuperuser("postgres")) {
            for (Map.Entry<String, String> setting : wanted.entrySet()) {
                String actual = queryOne(admin, "SELECT current_setting(?)", setting.getKey());
                if (!setting.getValue().equals(actual)) {
                    throw new IllegalStateException(SERVER + " runs with " + setting.getKey() + " = " + actual
                            + " instead of " + setting.getValue());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the settings of " + SERVER + ": " + e.getMessage(), e);
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
            LogTail log = LogTail.from(serverLog());
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
                Processes.stop(postmaster, Processes.StopRequest.INTERRUPT, STOP_GRACE);
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
        Map<String, String> config = settings;
        boolean initialised = Files.exists(dataDirectory().resolve("postgresql.conf"));
        // A data directory without our password file was made with authentication "trust": start it as it is
        // once, give the superuser a password, then switch to SCRAM (upgradeFromTrust).
        boolean madeWithTrust = initialised && !Files.exists(superuserPasswordFile());
        String password = madeWithTrust ? Login.randomPassword() : superuserPassword();
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(serverLog().toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory())
                .setCleanDataDirectory(false)   // this class removes ephemeral folders itself, on close
                .setRegisterShutdownHook(false) // TestInfra or the caller decides when the server stops
                .setPort(port)
                .setPGStartupWait(START_TIMEOUT)
                .setOutputRedirector(toLog)
                .setErrorRedirector(toLog)
                .setConnectConfig("password", password)
                // zonky runs initdb with "-A trust" and appends these as --key=value: the later option wins.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", superuserPasswordFile().toString())
                .setDataDirectoryCustomizer(pgdata -> {
                    if (!madeWithTrust) {
                        writeHba(pgdata.toPath());
                    }
                });
        config.forEach(builder::setServerConfig);

        FutureTask<EmbeddedPostgres> start = new FutureTask<>(builder::start);
        Thread starter = new Thread(start, "ordercycle-postgres-start-" + port);
        starter.setDaemon(true);
        starter.start();
        while (true) {
            try {
                start.get(100, TimeUnit.MILLISECONDS);
                if (madeWithTrust) {
                    upgradeFromTrust(password);
                }
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

    /**
     * A data directory made with authentication "trust" (by an earlier version of this class): the superuser gets
     * {@code password}, pg_hba.conf is replaced and reloaded, and only then is the password file written, so a
     * failure half-way is tried again at the next start.
     */
    private void upgradeFromTrust(String password) throws IOException {
        try (Connection admin = connectWith(SUPERUSER, password, "postgres")) {
            execute(admin, "ALTER ROLE " + SUPERUSER + " PASSWORD " + quoteLiteral(password));
            writeHba(dataDirectory());
            execute(admin, "SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not switch authentication from trust to scram-sha-256: " + e.getMessage(), e);
        }
        writeSecret(superuserPasswordFile(), password);
    }

    private static void writeHba(Path pgdata) {
        try {
            Files.writeString(pgdata.resolve("pg_hba.conf"), HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + pgdata.resolve("pg_hba.conf"), e);
        }
    }

    /** The superuser's password, created (random, owner-readable only) with the server's folder. */
    private String superuserPassword() {
        synchronized (JvmWide.lock("superuser-password:" + dir)) {
            Path file = superuserPasswordFile();
            try {
                if (!Files.exists(file)) {
                    writeSecret(file, Login.randomPassword());
                }
                return Files.readString(file).trim();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file, e);
            }
        }
    }

    private Path superuserPasswordFile() {
        return dir.resolve(SUPERUSER_PASSWORD_FILE);
    }

    /** Written to a temporary name with owner-only permissions first, then renamed: never readable by others. */
    private static void writeSecret(Path file, String secret) {
        try {
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, secret + "\n");
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /**
     * The driver directly, not DriverManager: DriverManager refuses drivers from other class loaders, and Quarkus
     * tests use several.
     */
    private Connection connectWith(String user, String password, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl(database), properties);
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver rejected " + jdbcUrl(database));
        }
        return connection;
    }

    /** LOGIN with {@code password}, and no power beyond its own objects (also for a role made by an older layout). */
    private static void ensureLogin(Connection admin, Login login) throws SQLException {
        String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD " + quoteLiteral(login.password());
        if (queryOne(admin, "SELECT rolname FROM pg_roles WHERE rolname = ?", login.user()) == null) {
            executeUnlessDuplicate(admin, "CREATE ROLE " + login.user() + attributes);
        }
        execute(admin, "ALTER ROLE " + login.user() + attributes);
    }

    /** Row access for {@code runtime} to what {@code owner} has created and will create in schema public. */
    private static void grantRowAccess(Connection inDatabase, String owner, String runtime) throws SQLException {
        execute(inDatabase,
                "GRANT USAGE ON SCHEMA public TO " + runtime,
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public GRANT " + TABLE_RIGHTS
                        + " ON TABLES TO " + runtime,
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public GRANT " + SEQUENCE_RIGHTS
                        + " ON SEQUENCES TO " + runtime,
                "GRANT " + TABLE_RIGHTS + " ON ALL TABLES IN SCHEMA public TO " + runtime,
                "GRANT " + SEQUENCE_RIGHTS + " ON ALL SEQUENCES IN SCHEMA public TO " + runtime);
    }

    private static String queryOne(Connection connection, String query, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static void execute(Connection connection, String... sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
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

    /** The server's log (stderr of the server, every start appended): for diagnostics, e.g. a benchmark's. */
    public Path serverLog() {
        return dir.resolve("postgres.log");
    }
}
