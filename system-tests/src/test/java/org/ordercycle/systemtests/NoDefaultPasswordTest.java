package org.ordercycle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ordercycle.launcher.Department;

/**
 * No service falls back to a default password outside dev mode and tests: every password-like setting of a service's
 * {@code application.properties} (and of the kit's defaults) is an expression without a default value, so that a
 * missing secret stops the service instead of letting it run with a password everybody can read here.
 */
class NoDefaultPasswordTest {

    private static final Pattern PASSWORD_LIKE = Pattern.compile("(?i).*(password|secret|credential).*");
    /** One expression, no default: {@code ${SALES_DB_PASSWORD}} or {@code ${quarkus.datasource.password}}. */
    private static final Pattern WITHOUT_DEFAULT = Pattern.compile("\\$\\{[^:}]+}");
    private static final Pattern DEV_OR_TEST = Pattern.compile("%(dev|test)(,(dev|test))*\\..*");

    @Test
    void noPasswordHasADefaultOutsideDevAndTest() throws IOException {
        Path root = Path.of(System.getProperty("ordercycle.root", "..")).toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        for (Department department : Department.values()) {
            files.add(root.resolve(department.serviceName()).resolve("src/main/resources/application.properties"));
        }
        files.add(root.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"));

        List<String> defaults = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            for (String key : properties.stringPropertyNames()) {
                String value = properties.getProperty(key).strip();
                if (DEV_OR_TEST.matcher(key).matches()
                        || !(PASSWORD_LIKE.matcher(key).matches() || PASSWORD_LIKE.matcher(value).matches())) {
                    continue;
                }
                checked++;
                if (!WITHOUT_DEFAULT.matcher(value).matches()) {
                    defaults.add(root.relativize(file) + ": " + key + "=" + value);
                }
            }
        }

        assertThat(checked).as("password settings found").isGreaterThanOrEqualTo(Department.values().length);
        assertThat(defaults).as("password settings with a default outside %dev/%test").isEmpty();
    }
}
