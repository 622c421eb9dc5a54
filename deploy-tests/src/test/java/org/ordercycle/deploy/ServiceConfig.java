package org.ordercycle.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's {@code src/main/resources/application.properties} asks of its deployment: its name, the topics
 * its Kafka channels read or write, and the environment variables its datasource reads.
 */
public record ServiceConfig(String name, List<String> channelTopics, String urlVariable, String userVariable,
        String passwordVariable, String database) {

    private static final Pattern CHANNEL_TOPIC = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::[^}]*)?}");
    private static final Pattern DATABASE = Pattern.compile("jdbc:postgresql://[^/]*/([^?}]+)");

    /** The department, e.g. {@code sales} for {@code sales-service}: the first part of the topics it publishes on. */
    public String department() {
        return name.endsWith("-service") ? name.substring(0, name.length() - "-service".length()) : name;
    }

    /** Every {@code <name>-service} module of the project that has an application.properties. */
    public static List<ServiceConfig> of(Path projectRoot) {
        try (Stream<Path> modules = Files.list(projectRoot)) {
            List<ServiceConfig> services = new ArrayList<>();
            for (Path module : modules.filter(path -> path.getFileName().toString().endsWith("-service")).sorted().toList()) {
                Path properties = module.resolve("src/main/resources/application.properties");
                if (Files.isRegularFile(properties)) {
                    services.add(read(module.getFileName().toString(), properties));
                }
            }
            return services;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceConfig read(String module, Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeSet<String> topics = new TreeSet<>();
        properties.stringPropertyNames().stream().filter(key -> CHANNEL_TOPIC.matcher(key).matches())
                .forEach(key -> topics.add(properties.getProperty(key).strip()));
        String name = properties.getProperty("quarkus.application.name", module);
        return new ServiceConfig(name, List.copyOf(topics),
                variable(properties, "quarkus.datasource.jdbc.url"),
                variable(properties, "quarkus.datasource.username"),
                variable(properties, "quarkus.datasource.password"),
                database(properties.getProperty("quarkus.datasource.jdbc.url", "")));
    }

    /** The database the service's own URL names (its default, e.g. {@code sales}); null if it names none. */
    static String database(String url) {
        Matcher matcher = DATABASE.matcher(url);
        return matcher.find() ? matcher.group(1) : null;
    }

    /**
     * The environment variable that sets a property in a container: the one its value names
     * ({@code ${SALES_DB_URL:…}}), else the property's own environment name ({@code QUARKUS_DATASOURCE_JDBC_URL}).
     */
    static String variable(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value != null) {
            Matcher matcher = VARIABLE.matcher(value);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
