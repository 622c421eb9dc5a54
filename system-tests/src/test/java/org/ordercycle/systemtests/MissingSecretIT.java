package org.ordercycle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordercycle.launcher.Department;

/** A packaged service started without its database password stops at once and names the variable to set. */
class MissingSecretIT {

    @TempDir
    Path workDir;

    @Test
    void serviceWithoutItsPasswordStopsNamingTheVariable() throws Exception {
        Path root = Path.of(System.getProperty("ordercycle.root", "..")).toAbsolutePath().normalize();
        Path output = workDir.resolve("contact-service.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-jar", Department.CONTACT.runJar(root).toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("CONTACT_DB_PASSWORD");
        // Everything else as in production, and nothing listening: the password is missed before anything is reached.
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", "0");

        Process service = builder.start();
        try {
            assertThat(service.waitFor(90, TimeUnit.SECONDS)).as("the service stopped by itself").isTrue();
        } finally {
            service.destroyForcibly();
        }

        List<String> lines = Files.readAllLines(output);
        assertThat(service.exitValue()).isEqualTo(1);
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("Could not expand value CONTACT_DB_PASSWORD in property quarkus.datasource.password"));
        assertThat(lines).as("no stack trace: the one failure is the missing password, not a later one")
                .noneMatch(line -> line.startsWith("\tat "));
    }
}
