package org.ordercycle.testinfra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresTest {

    @Test
    void ephemeralServerIsPostgres17AndItsNewUserOwnsItsDatabase() throws Exception {
        Path dir;
        try (Postgres postgres = Postgres.startEphemeral()) {
            dir = postgres.dir();
            assertTrue(TestSupport.queryAsSuperuser(postgres, "postgres", "SELECT version()").startsWith("PostgreSQL 17."));
            assertEquals("off", TestSupport.queryAsSuperuser(postgres, "postgres", "SHOW fsync"), "test settings");

            postgres.createDatabase("shop", "shop_user", "s3cr'et");
            postgres.createDatabase("shop", "shop_user", "s3cr'et"); // idempotent

            String shop = postgres.jdbcUrl("shop");
            TestSupport.execute(shop, "shop_user", "s3cr'et",
                    "CREATE TABLE item (id int PRIMARY KEY, name text)",
                    "INSERT INTO item VALUES (1, 'pen')");
            assertEquals("pen", TestSupport.queryOne(shop, "shop_user", "s3cr'et", "SELECT name FROM item WHERE id = 1"));
            assertEquals("shop_user", TestSupport.queryAsSuperuser(postgres, "postgres",
                    "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'shop'"));
        }
        assertFalse(Files.exists(dir), "an ephemeral server's folder is removed on close");
    }

    /** Benchmarks switch a test server to what production pays for a commit; the switch must really happen. */
    @Test
    void testServerSwitchedToDurableSettingsReallyIsDurableAndBack() throws Exception {
        try (Postgres postgres = Postgres.startEphemeral()) {
            postgres.setDurable(true);
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                assertEquals("on", TestSupport.queryAsSuperuser(postgres, "postgres", "SHOW " + setting), setting);
            }
            postgres.setDurable(false);
            assertEquals("off", TestSupport.queryAsSuperuser(postgres, "postgres", "SHOW fsync"), "test settings again");
        }
    }

    @Test
    void durableServerKeepsRowsAcrossRestartsAndReopening(@TempDir Path dataDir) throws Exception {
        int port = TestSupport.freePort();
        try (Postgres postgres = Postgres.startDurable(dataDir, port)) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                assertEquals("on", TestSupport.queryAsSuperuser(postgres, "postgres", "SHOW " + setting), setting);
            }
            postgres.createDatabase("ledger", "ledger", "ledger");
            String ledger = postgres.jdbcUrl("ledger");
            TestSupport.execute(ledger, "ledger", "ledger",
                    "CREATE TABLE entry (id int PRIMARY KEY)", "INSERT INTO entry VALUES (42)");

            postgres.stop();
            assertFalse(postgres.isRunning());
            postgres.start();
            assertTrue(postgres.isRunning());
            assertEquals("42", TestSupport.queryOne(ledger, "ledger", "ledger", "SELECT id FROM entry"));
        }
        assertTrue(Files.exists(dataDir.resolve("pgdata/PG_VERSION")), "a durable folder is kept");

        try (Postgres reopened = Postgres.startDurable(dataDir, port)) {
            assertEquals("42", TestSupport.queryOne(reopened.jdbcUrl("ledger"), "ledger", "ledger", "SELECT id FROM entry"));
        }
    }

    /** Another program binds the port chosen for an ephemeral server before the server does: it gets another. */
    @Test
    void portTakenRightAfterItWasChosenIsReplaced() throws Exception {
        List<Integer> chosen = new ArrayList<>();
        List<ServerSocket> grabbed = new ArrayList<>();
        try (Postgres postgres = Postgres.startEphemeral(() -> {
            int port = TestSupport.freePort();
            chosen.add(port);
            if (chosen.size() == 1) {
                grabbed.add(grab(port));
            }
            return port;
        })) {
            assertEquals(2, chosen.size());
            assertEquals(chosen.get(1), postgres.port());
            assertTrue(postgres.isRunning());
        } finally {
            for (ServerSocket socket : grabbed) {
                socket.close();
            }
        }
    }

    @Test
    void busyPortGivesAOneLineError(@TempDir Path dataDir) throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerStartException error = assertThrows(ServerStartException.class,
                    () -> Postgres.startDurable(dataDir, busy.getLocalPort()));
            assertEquals("PostgreSQL could not start on port " + busy.getLocalPort() + ": port in use", error.getMessage());
        }
    }

    @Test
    void dataDirectoryOfAnotherMajorVersionGivesAOneLineError(@TempDir Path dataDir) throws Exception {
        Path pgdata = Files.createDirectories(dataDir.resolve("pgdata"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Files.writeString(pgdata.resolve("PG_VERSION"), "14\n");
        Files.writeString(pgdata.resolve("postgresql.conf"), ""); // looks initialised: no initdb

        ServerStartException error = assertThrows(ServerStartException.class,
                () -> Postgres.startDurable(dataDir, TestSupport.freePort()));
        assertTrue(error.getMessage().contains("(made by PostgreSQL 14): FATAL:  database files are incompatible with server"),
                error.getMessage());
        assertTrue(error.getMessage().endsWith("see " + dataDir.toAbsolutePath().resolve("postgres.log")), error.getMessage());
        assertFalse(error.getMessage().contains("\n"), "one line");
    }

    private static ServerSocket grab(int port) {
        try {
            return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void namesThatWouldNeedQuotingAreRejected() {
        Postgres postgres = TestInfra.postgres();
        assertThrows(IllegalArgumentException.class, () -> postgres.createDatabase("shop; DROP", "u", "p"));
        assertThrows(IllegalArgumentException.class, () -> postgres.createDatabase("shop", "Bob", "p"));
    }
}
