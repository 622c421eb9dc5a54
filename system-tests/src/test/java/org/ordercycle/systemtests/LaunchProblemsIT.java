package org.ordercycle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordercycle.launcher.Department;
import org.ordercycle.launcher.LaunchException;
import org.ordercycle.launcher.Suite;

/** What a person starting the suite sees when something is in the way: one line saying what and where. */
class LaunchProblemsIT {

    @TempDir
    Path dataDir;

    @Test
    void takenPortIsNamedInOneLine() throws Exception {
        Path root = Path.of(System.getProperty("ordercycle.root", "..")).toAbsolutePath().normalize();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<Department, Integer> ports = new EnumMap<>(Department.class);
            for (Department department : Department.values()) {
                ports.put(department, 0);
            }
            Suite.Options options = new Suite.Options(root, dataDir.resolve("data"), dataDir.resolve("logs"),
                    taken.getLocalPort(), 0, ports);

            assertThatThrownBy(() -> Suite.start(options))
                    .isInstanceOf(LaunchException.class)
                    .hasMessage("Port " + taken.getLocalPort() + " for PostgreSQL is taken by another program;"
                            + " stop it, or start with ORDERCYCLE_PORT_OFFSET=100 to move all ports");
        }
        try (var files = Files.list(dataDir.resolve("data"))) {
            // Nothing was started: no PostgreSQL or Kafka folder was made.
            assertThat(files).isEmpty();
        }
    }

    @Test
    void unbuiltServiceIsNamedInOneLine() {
        Suite.Options options = Suite.Options.ephemeral(dataDir, dataDir.resolve("logs"));

        assertThatThrownBy(() -> Suite.start(options))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("contact-service is not built: ")
                .hasMessageEndingWith("quarkus-run.jar is missing (run ./mvnw -B package -DskipTests)");
    }
}
