package org.ordercycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard asks Prometheus only for metrics the services really expose: every name a panel queries is
 * in a scrape of a service's {@code /q/metrics} kept as test data ({@code metrics/*.prom}) — or is a counter the
 * code registers, which appears with its first increment, or comes from Strimzi's Kafka Exporter. And every
 * {@code ordercycle_*} metric of the scrapes is still registered in the code, so renaming one fails here even before
 * the scrapes are taken again.
 */
class DashboardTest {

    private static final Path DASHBOARD = OverlaysTest.ROOT.resolve("deploy/kubernetes/base/monitoring/ordercycle-dashboard.json");
    /** The scrapes kept as test data: sales-service's carries the kit's metrics and sales' own. */
    private static final List<String> SCRAPES = List.of("metrics/sales-service.prom");
    /** Metric names in a PromQL expression (label names and functions aside). */
    private static final Pattern QUERIED = Pattern.compile("\\b(?:ordercycle|kafka)_[a-z_]+");
    private static final Pattern REGISTERED = Pattern.compile("\"(ordercycle(?:\\.[a-z]+)+)\"");
    /** Strimzi's Kafka Exporter (the PodMonitor in base/monitoring), not a service. */
    private static final Set<String> KAFKA_EXPORTER = Set.of("kafka_consumergroup_lag");

    @Test
    void everyMetricTheDashboardQueriesIsOneTheServicesExpose() throws IOException {
        Set<String> scraped = scraped();
        Set<String> counters = inCode(REGISTERED); // a counter (_total) appears with its first increment
        Set<String> queried = queried();
        Set<String> unknown = new TreeSet<>();
        for (String name : queried) {
            boolean exposed = scraped.contains(name) || KAFKA_EXPORTER.contains(name)
                    || name.endsWith("_total") && counters.contains(base(name));
            if (!exposed) {
                unknown.add(name);
            }
        }
        assertThat(unknown).as("queried by the dashboard, exposed by no service (scraped: %s)", scraped).isEmpty();
        assertThat(queried).contains("ordercycle_orders", "ordercycle_orders_stalled", "ordercycle_outbox_backlog",
                "ordercycle_dead_letters_unresolved", "ordercycle_events_parked_waiting",
                "kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void everyScrapedOrderCycleMetricIsStillRegisteredInTheCode() throws IOException {
        Set<String> registered = inCode(REGISTERED);
        Set<String> gone = new TreeSet<>();
        for (String name : scraped()) {
            if (name.startsWith("ordercycle_") && !registered.contains(base(name))) {
                gone.add(name);
            }
        }
        assertThat(gone).as("in the kept scrapes but registered nowhere in the code any more: take the scrapes again "
                + "(sales' OrderObservabilityTest writes one) and mend the dashboard").isEmpty();
    }

    /** The Micrometer name a Prometheus name comes from, dotted: the suffixes Prometheus adds removed. */
    static String base(String prometheusName) {
        return prometheusName.replaceAll("_(total|count|sum|max|bucket)$", "").replaceAll("_seconds$", "")
                .replace('_', '.');
    }

    private static Set<String> queried() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher matcher = QUERIED.matcher(target.path("expr").asText());
                while (matcher.find()) {
                    queried.add(matcher.group());
                }
            }
        }
        return queried;
    }

    /** The metric names in the kept scrapes (Prometheus text format). */
    static Set<String> scraped() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String scrape : SCRAPES) {
            try (InputStream in = DashboardTest.class.getClassLoader().getResourceAsStream(scrape)) {
                assertThat(in).as(scrape).isNotNull();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        names.add(line.split("[{ ]", 2)[0]);
                    }
                }
            }
        }
        return names;
    }

    private static Set<String> inCode(Pattern pattern) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> modules = Files.list(OverlaysTest.ROOT)) {
            for (Path module : modules.filter(path -> path.getFileName().toString().matches("service-kit|.*-service")).toList()) {
                Path sources = module.resolve("src/main/java");
                if (!Files.isDirectory(sources)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                        Matcher matcher = pattern.matcher(Files.readString(file));
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
