package org.ordercycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard asks Prometheus for the metric names the services expose today (Micrometer names in the
 * kit's and the services' code), and says so on every panel that uses one they do not expose yet.
 */
class DashboardTest {

    private static final Path DASHBOARD = OverlaysTest.ROOT.resolve("deploy/kubernetes/base/monitoring/ordercycle-dashboard.json");
    private static final Pattern QUERIED = Pattern.compile("\\bordercycle_[a-z_]+");
    private static final Pattern REGISTERED = Pattern.compile("\"(ordercycle(?:\\.[a-z]+)+)\"");

    @Test
    void everyPanelQueriesExposedMetricsOrSaysWhichAreNotExposedYet() throws IOException {
        Set<String> exposed = exposedMetrics();
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> queried = new TreeSet<>();
        Set<String> missing = new TreeSet<>();

        for (JsonNode panel : dashboard.path("panels")) {
            Set<String> panelMissing = new TreeSet<>();
            for (JsonNode target : panel.path("targets")) {
                Matcher matcher = QUERIED.matcher(target.path("expr").asText());
                while (matcher.find()) {
                    queried.add(matcher.group());
                    if (!exposed.contains(base(matcher.group()))) {
                        panelMissing.add(matcher.group());
                    }
                }
            }
            boolean saysNotYet = panel.path("description").asText().startsWith("Not exposed yet");
            assertThat(saysNotYet).as("panel '%s' queries %s; exposed: %s", panel.path("title").asText(), panelMissing, exposed)
                    .isEqualTo(!panelMissing.isEmpty());
            missing.addAll(panelMissing);
        }

        assertThat(queried).contains("ordercycle_outbox_backlog", "ordercycle_dead_letters_unresolved");
        System.out.println("Dashboard metrics not exposed yet: " + missing);
    }

    /** The Micrometer name a Prometheus name comes from, dotted: the _total of counters and the unit suffix removed. */
    private static String base(String prometheusName) {
        return prometheusName.replaceAll("_(total|seconds)$", "").replace('_', '.');
    }

    private static Set<String> exposedMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> modules = Files.list(OverlaysTest.ROOT)) {
            for (Path module : modules.filter(path -> path.getFileName().toString().matches("service-kit|.*-service")).toList()) {
                Path sources = module.resolve("src/main/java");
                if (!Files.isDirectory(sources)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                        Matcher matcher = REGISTERED.matcher(Files.readString(file));
                        while (matcher.find()) {
                            names.add(matcher.group(1));
                        }
                    }
                }
            }
        }
        return names;
    }
}
