package org.ordercycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders deploy/kubernetes/overlays/dev and prod with {@code kubectl kustomize} and runs every offline check on
 * them. Without kubectl these tests are skipped (with that reason); BrokenManifestTest still runs.
 */
class OverlaysTest {

    static final Path ROOT = Path.of(System.getProperty("ordercycle.root", "..")).toAbsolutePath().normalize();

    static Stream<Arguments> overlays() {
        return Stream.of(Arguments.of("dev", Expectations.DEV), Arguments.of("prod", Expectations.PROD));
    }

    static Manifest render(String overlay) {
        Path kubectl = Manifest.kubectl().orElse(null);
        assumeTrue(kubectl != null, "kubectl is not installed (or -Dordercycle.kubectl names none): the overlays are "
                + "not rendered and their checks are skipped");
        return Manifest.render(kubectl, ROOT.resolve("deploy/kubernetes/overlays").resolve(overlay));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void overlayDeploysEveryServiceAndPassesEveryCheck(String overlay, Expectations expected) {
        Manifest manifest = render(overlay);
        List<ServiceConfig> services = ServiceConfig.of(ROOT);

        assertThat(services).extracting(ServiceConfig::name).containsExactlyInAnyOrder("billing-service",
                "contact-service", "production-service", "returns-service", "sales-service");
        assertThat(services).allSatisfy(service -> assertThat(service.channelTopics()).isNotEmpty());
        assertThat(manifest.ofKind("Deployment")).hasSize(services.size());
        assertThat(new ManifestChecks(manifest, services).all(expected)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void strimziAndCloudNativePgResourcesAreValidByTheOperatorsSchemas(String overlay, Expectations expected) {
        Path crds = CrdSchemas.directory(ROOT);
        assumeTrue(Files.isDirectory(crds), "no CRDs at " + crds + " (-Dordercycle.crds=<folder>): schema validation skipped");
        Manifest manifest = render(overlay);
        Set<String> unchecked = new TreeSet<>();

        List<String> problems = new ManifestChecks(manifest, ServiceConfig.of(ROOT)).schemas(CrdSchemas.load(crds), unchecked);

        assertThat(problems).isEmpty();
        // What the CRD folder has no schema for is said, not silently passed: the KafkaUsers are checked by the Strimzi
        // model and the ACL checks instead, the backup schedules not at all.
        System.out.println(overlay + ": not schema-checked (no CRD in " + crds + "): " + unchecked);
        assertThat(unchecked).contains("kafka.strimzi.io/v1 KafkaUser", "monitoring.coreos.com/v1 ServiceMonitor");
        assertThat(unchecked).doesNotContain("kafka.strimzi.io/v1 Kafka", "kafka.strimzi.io/v1 KafkaTopic",
                "kafka.strimzi.io/v1 KafkaNodePool", "postgresql.cnpg.io/v1 Cluster");
        assertThat(manifest.ofKind("Cluster")).hasSize(5);
        assertThat(manifest.ofKind("KafkaTopic")).hasSize(2 * org.ordercycle.events.Topic.values().length);
    }
}
