package org.ordercycle.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.ordercycle.testinfra.JwtIssuer;
import org.ordercycle.testinfra.ServerStartException;

/**
 * {@code deploy/local/run} and {@code deploy/local/token}: the suite on one machine, durable, with a token per role.
 *
 * <pre>
 * java -Dordercycle.root=. -cp 'launcher/target/ordercycle-launcher.jar:launcher/target/lib/*' org.ordercycle.launcher.LocalSuite run
 * java -Dordercycle.root=. -cp 'launcher/target/ordercycle-launcher.jar:launcher/target/lib/*' org.ordercycle.launcher.LocalSuite token sales
 * </pre>
 */
public final class LocalSuite {

    /** Every role an endpoint may ask for; the printed tokens cover them all. */
    public static final List<String> ROLES = List.of("sales", "sales-manager", "production", "billing", "returns",
            "service", "crm", "admin");
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(30);

    private LocalSuite() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("ordercycle.root", ".")).toAbsolutePath().normalize();
        String command = args.length == 0 ? "run" : args[0];
        try {
            switch (command) {
                case "run" -> run(root);
                case "token" -> token(root, args);
                default -> {
                    System.err.println("usage: run | token ROLE [USER]");
                    System.exit(2);
                }
            }
        } catch (LaunchException | ServerStartException e) {
            System.err.println("ordercycle: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Path root) {
        int portOffset = Integer.parseInt(System.getenv().getOrDefault("ORDERCYCLE_PORT_OFFSET", "0"));
        Suite.Options options = Suite.Options.local(root, portOffset);
        System.out.println("Starting PostgreSQL, Kafka and the five services (data in " + root.relativize(options.dataDir())
                + ", logs in " + root.relativize(options.logDir()) + ") …");
        Suite suite = Suite.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping OrderCycle …");
            suite.close();
            System.out.println("Stopped. Data is kept in " + options.dataDir());
            stopped.countDown();
        }, "ordercycle-stop"));

        System.out.println("\nOrderCycle is up (health and metrics on each service's management port):\n");
        for (ServiceProcess service : suite.services()) {
            System.out.printf("  %-20s %-24s swagger: %s/q/swagger-ui   health: %s/q/health%n", service.name(),
                    service.url(), service.url(), service.managementUrl());
        }
        System.out.println("\nA service that dies is started again (a line here says so). PostgreSQL: 127.0.0.1:"
                + suite.postgres().port() + ", superuser password in "
                + root.relativize(options.dataDir().resolve("postgres/superuser.password")));
        System.out.println("\nBearer tokens, valid " + TOKEN_LIFETIME.toDays() + " days (deploy/local/token ROLE prints another):\n");
        for (String role : ROLES) {
            System.out.printf("  %-14s %s%n", role, suite.token(role + "-user", TOKEN_LIFETIME, role));
        }
        System.out.println("\nCtrl-C stops everything.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void token(Path root, String[] args) {
        if (args.length < 2 || !ROLES.contains(args[1])) {
            throw new LaunchException("usage: deploy/local/token ROLE [USER], ROLE one of " + String.join(", ", ROLES));
        }
        Path keys = Suite.Options.local(root, 0).dataDir().resolve("jwt");
        if (!Files.isDirectory(keys)) {
            throw new LaunchException("no signing key yet: start the suite once with deploy/local/run");
        }
        String user = args.length > 2 ? args[2] : args[1] + "-user";
        System.out.println(JwtIssuer.inFolder(keys).token(user, TOKEN_LIFETIME, args[1]));
    }
}
