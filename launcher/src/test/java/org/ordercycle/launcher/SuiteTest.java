package org.ordercycle.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordercycle.testinfra.Login;
import org.ordercycle.testinfra.Postgres;

/** Starting the suite leaves nothing behind when it fails half-way. */
class SuiteTest {

    @TempDir
    Path dir;

    /**
     * The contact database refuses connections (as a half-restored or locked database would), so preparing it fails
     * after PostgreSQL and the broker are up: both must be stopped again.
     */
    @Test
    void failureWhileCreatingDatabasesStopsPostgresAndTheBroker() throws Exception {
        Path root = projectWithBuiltServices();
        Path data = dir.resolve("data");
        int postgresPort = freePort();
        int kafkaPort = freePort();
        try (Postgres postgres = Postgres.startDurable(data.resolve("postgres"), postgresPort)) {
            postgres.createDatabase("contact", new Login("contact_owner", "o"), new Login("contact", "r"));
            try (Connection admin = postgres.connectAsSuperuser("postgres"); Statement sql = admin.createStatement()) {
                sql.execute("ALTER DATABASE contact ALLOW_CONNECTIONS false");
            }
        }
        Map<Department, Integer> ports = new EnumMap<>(Department.class);
        for (Department department : Department.values()) {
            ports.put(department, 0);
        }
        Suite.Options options = new Suite.Options(root, data, dir.resolve("logs"), postgresPort, kafkaPort, ports);

        LaunchException error = assertThrows(LaunchException.class, () -> Suite.start(options));

        assertTrue(error.getMessage().startsWith("Could not prepare the database of contact-service: "), error.getMessage());
        assertFalse(accepts(postgresPort), "PostgreSQL was stopped");
        assertFalse(accepts(kafkaPort), "the broker was stopped");
        assertFalse(Files.exists(data.resolve("postgres/pgdata/postmaster.pid")));
        assertFalse(Files.exists(data.resolve("kafka/broker.pid")));
    }

    /** Services are never started here: their run jars only need to exist. */
    private Path projectWithBuiltServices() throws IOException {
        Path root = dir.resolve("project");
        for (Department department : Department.values()) {
            Path jar = department.runJar(root);
            Files.createDirectories(jar.getParent());
            Files.createFile(jar);
        }
        return root;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
