package org.ordercycle.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The five department services: where each one's jar is, its default ports and its database. */
public enum Department {
    CONTACT("contact-service", 8081, 9081, "contact"),
    SALES("sales-service", 8082, 9082, "sales"),
    PRODUCTION("production-service", 8083, 9083, "production"),
    BILLING("billing-service", 8084, 9084, "billing"),
    RETURNS("returns-service", 8085, 9085, "returns");

    private final String serviceName;
    private final int defaultPort;
    private final int defaultManagementPort;
    private final String database;

    Department(String serviceName, int defaultPort, int defaultManagementPort, String database) {
        this.serviceName = serviceName;
        this.defaultPort = defaultPort;
        this.defaultManagementPort = defaultManagementPort;
        this.database = database;
    }

    public String serviceName() {
        return serviceName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The management interface's port (health, metrics) in {@code deploy/local}. */
    public int defaultManagementPort() {
        return defaultManagementPort;
    }

    /** Database name, and also the name of the service's runtime user (rows only). */
    public String database() {
        return database;
    }

    /** The role that owns the database and runs the migrations: {@code <database>_owner}. */
    public String databaseOwner() {
        return database + "_owner";
    }

    /** Prefix of the service's database environment variables: {@code SALES_DB_URL}, … */
    String environmentPrefix() {
        return name();
    }

    /** The packaged service: {@code <service>/target/quarkus-app/quarkus-run.jar} under the project root. */
    public Path runJar(Path projectRoot) {
        return projectRoot.resolve(serviceName).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The run jar, or a one-line explanation of how to build it. */
    Path requireRunJar(Path projectRoot) {
        Path jar = runJar(projectRoot);
        if (!Files.isRegularFile(jar)) {
            throw new LaunchException(serviceName + " is not built: " + jar + " is missing (run ./mvnw -B package -DskipTests)");
        }
        return jar;
    }

    /** The jars a service JVM needs on its classpath; the run jar's manifest names the rest. */
    List<Path> classpath(Path projectRoot) {
        return List.of(requireRunJar(projectRoot));
    }
}
