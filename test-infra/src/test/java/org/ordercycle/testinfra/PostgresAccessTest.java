package org.ordercycle.testinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may connect to what: every login needs its password (SCRAM, the superuser too); a service's runtime role
 * reaches only its own database and there only rows; its owner role runs the migrations.
 */
class PostgresAccessTest {

    /**
     * 28P01: password authentication failed; 08004: the server asked for a password and none was given (under
     * trust it would not ask); 42501: insufficient privilege.
     */
    private static final String WRONG_PASSWORD = "28P01";
    private static final String NO_PASSWORD = "08004";
    private static final String NOT_ALLOWED = "42501";

    @Test
    void everyLoginNeedsItsPasswordTheSuperusersToo() throws Exception {
        Postgres postgres = TestInfra.postgres();
        postgres.createDatabase("gate", new Login("gate_owner", "owner-secret"), new Login("gate", "gate-secret"));
        String gate = postgres.jdbcUrl("gate");

        assertEquals(NO_PASSWORD, TestSupport.sqlStateOf(() -> TestSupport.queryOne(gate, "postgres", "", "SELECT 1")));
        assertEquals(WRONG_PASSWORD, TestSupport.sqlStateOf(() -> TestSupport.queryOne(gate, "postgres", "postgres", "SELECT 1")));
        assertEquals(WRONG_PASSWORD, TestSupport.sqlStateOf(() -> TestSupport.queryOne(gate, "gate", "wrong", "SELECT 1")));
        assertEquals("gate", TestSupport.queryOne(gate, "gate", "gate-secret", "SELECT current_user"));
        assertEquals("scram-sha-256", TestSupport.queryAsSuperuser(postgres, "postgres",
                "SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules"));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(postgres.dir().resolve("superuser.password"))));
    }

    @Test
    void runtimeRoleReachesOnlyRowsOfItsOwnDatabase() throws Exception {
        Postgres postgres = TestInfra.postgres();
        postgres.createDatabase("till", new Login("till_owner", "o1"), new Login("till", "r1"));
        postgres.createDatabase("vault", new Login("vault_owner", "o2"), new Login("vault", "r2"));
        String till = postgres.jdbcUrl("till");

        // The owner migrates: it creates tables (an identity column brings a sequence) after the grants were made.
        TestSupport.execute(till, "till_owner", "o1",
                "CREATE TABLE sale (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, amount int)");
        TestSupport.execute(till, "till", "r1",
                "INSERT INTO sale (amount) VALUES (5)",
                "UPDATE sale SET amount = 6",
                "INSERT INTO sale (amount) VALUES (7)",
                "DELETE FROM sale WHERE amount = 7");
        assertEquals("6", TestSupport.queryOne(till, "till", "r1", "SELECT sum(amount) FROM sale"));

        assertEquals(NOT_ALLOWED, TestSupport.sqlStateOf(() -> TestSupport.execute(till, "till", "r1",
                "CREATE TABLE mine (id int)")), "no DDL for the runtime role");
        assertEquals(NOT_ALLOWED, TestSupport.sqlStateOf(() -> TestSupport.execute(till, "till", "r1",
                "DROP TABLE sale")));
        assertEquals(NOT_ALLOWED, TestSupport.sqlStateOf(() -> TestSupport.execute(till, "till", "r1",
                "TRUNCATE sale")));
        for (String other : new String[] {"vault", "postgres", "template1"}) {
            String url = postgres.jdbcUrl(other);
            assertEquals(NOT_ALLOWED, TestSupport.sqlStateOf(() -> TestSupport.queryOne(url, "till", "r1", "SELECT 1")),
                    "runtime role in " + other);
            assertEquals(NOT_ALLOWED, TestSupport.sqlStateOf(() -> TestSupport.queryOne(url, "till_owner", "o1", "SELECT 1")),
                    "owner role in " + other);
        }
        assertEquals("false", TestSupport.queryAsSuperuser(postgres, "postgres",
                "SELECT (rolsuper OR rolcreatedb OR rolcreaterole)::text FROM pg_roles WHERE rolname = 'till'"));
    }

    @Test
    void databaseOfTheOldOneRoleLayoutIsHandedToTheOwnerRole() throws Exception {
        Postgres postgres = TestInfra.postgres();
        postgres.createDatabase("ledger2", "ledger2", "old");
        String ledger = postgres.jdbcUrl("ledger2");
        TestSupport.execute(ledger, "ledger2", "old", "CREATE TABLE entry (id int PRIMARY KEY)", "INSERT INTO entry VALUES (1)");

        postgres.createDatabase("ledger2", new Login("ledger2_owner", "o"), new Login("ledger2", "new"));

        assertEquals("ledger2_owner", TestSupport.queryAsSuperuser(postgres, "postgres",
                "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'ledger2'"));
        assertEquals("ledger2_owner", TestSupport.queryAsSuperuser(postgres, "ledger2",
                "SELECT tableowner FROM pg_tables WHERE tablename = 'entry'"));
        TestSupport.execute(ledger, "ledger2", "new", "INSERT INTO entry VALUES (2)");
        assertEquals("2", TestSupport.queryOne(ledger, "ledger2", "new", "SELECT count(*) FROM entry"));
        assertEquals(NOT_ALLOWED, TestSupport.sqlStateOf(() -> TestSupport.execute(ledger, "ledger2", "new",
                "ALTER TABLE entry ADD COLUMN note text")));
    }

    /** deploy/local/data made before passwords: the next start keeps the data and ends trust. */
    @Test
    void dataDirectoryMadeWithTrustGetsPasswords(@TempDir Path dataDir) throws Exception {
        int port = TestSupport.freePort();
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pgdata"))
                .setCleanDataDirectory(false).setPort(port).start()) {
            TestSupport.execute(old.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    "CREATE ROLE shop LOGIN PASSWORD 'shop'", "CREATE DATABASE shop OWNER shop");
            TestSupport.execute(old.getJdbcUrl("postgres", "shop"), "shop", "shop",
                    "CREATE TABLE item (id int)", "INSERT INTO item VALUES (3)");
        }
        assertFalse(Files.exists(dataDir.resolve("superuser.password")));

        try (Postgres upgraded = Postgres.startDurable(dataDir, port)) {
            String url = upgraded.jdbcUrl("postgres");
            assertEquals(NO_PASSWORD, TestSupport.sqlStateOf(() -> TestSupport.queryOne(url, "postgres", "", "SELECT 1")));
            upgraded.createDatabase("shop", new Login("shop_owner", "o"), new Login("shop", "s"));
            assertEquals("3", TestSupport.queryOne(upgraded.jdbcUrl("shop"), "shop", "s", "SELECT id FROM item"));

            upgraded.stop();
            upgraded.start();
            assertEquals(NO_PASSWORD, TestSupport.sqlStateOf(() -> TestSupport.queryOne(url, "postgres", "", "SELECT 1")));
            assertEquals(WRONG_PASSWORD, TestSupport.sqlStateOf(() -> TestSupport.queryOne(url, "postgres", "x", "SELECT 1")));
            assertTrue(TestSupport.queryAsSuperuser(upgraded, "postgres", "SELECT version()").startsWith("PostgreSQL 17."));
        }
    }
}
