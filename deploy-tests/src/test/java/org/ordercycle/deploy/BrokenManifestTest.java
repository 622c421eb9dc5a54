package org.ordercycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checks catch mistakes: src/test/resources/broken/manifests.yaml holds one of each kind (read as it is, no
 * kubectl needed), and every one is reported, naming the resource.
 */
class BrokenManifestTest {

    static Manifest broken;
    static ManifestChecks checks;

    @BeforeAll
    static void read() throws URISyntaxException {
        broken = Manifest.read(Path.of(BrokenManifestTest.class.getResource("/broken/manifests.yaml").toURI()));
        checks = new ManifestChecks(broken, ServiceConfig.of(OverlaysTest.ROOT));
    }

    @Test
    void deploymentWithoutProbesResourcesNonRootOrPinnedImageIsReported() {
        assertThat(checks.deployments()).contains(
                "Deployment sales-service container sales-service: no startupProbe",
                "Deployment sales-service container sales-service: no readinessProbe",
                "Deployment sales-service container sales-service: livenessProbe asks port 8080, the management "
                        + "interface listens on 9000 (health is not served on the API port)",
                "Deployment sales-service container sales-service: no cpu request",
                "Deployment sales-service container sales-service: no memory limit",
                "Deployment sales-service container sales-service: runAsNonRoot is not true",
                "Deployment sales-service container sales-service: the root filesystem is not read-only",
                "Deployment sales-service container sales-service: image ghcr.io/ordercycle/sales-service:latest uses the tag latest");
    }

    @Test
    void missingTopicsAndWrongPartitionsAreReported() {
        assertThat(checks.topics()).contains(
                "KafkaTopic sales.orders has 3 partitions, Topic says 6",
                "KafkaTopic sales.orders.dlq keeps records (broker default) ms, dead letters are kept 2592000000 ms "
                        + "(ordercycle.kit.dead-letters.retention)",
                "no KafkaTopic contact.customers",
                "no KafkaTopic contact.customers.dlq");
    }

    @Test
    void aServiceThatReachesAnotherServicesDatabaseIsReported() {
        assertThat(checks.datasources()).contains(
                "Deployment sales-service: its datasource names database billing of Cluster billing-db, its "
                        + "application.properties names its own database sales",
                "Deployment sales-service: SALES_DB_PASSWORD does not come from a secret",
                "Deployment sales-service: QUARKUS_FLYWAY_PASSWORD (the owner, who migrates) must come from billing-db-app",
                "Deployment sales-service: no NetworkPolicy selects its pods");
    }

    @Test
    void kafkaUserWithTooMuchAndTooLittleIsReported() {
        assertThat(checks.kafkaUsers()).contains(
                "KafkaUser sales-service may read returns.service, which sales-service has no channel for",
                "KafkaUser sales-service lacks WRITE on topic sales.orders (it publishes on sales.orders)",
                "KafkaUser sales-service lacks READ on topic contact.customers (it reads contact.customers)");
    }

    @Test
    void serviceRoutedUnderAnotherPrefixIsReported() {
        assertThat(checks.servicesDeployed()).contains(
                "Deployment sales-service: QUARKUS_HTTP_ROOT_PATH must be /sales (the Ingress forwards the prefix), is /billing",
                "sales-service: no Ingress path /sales (Prefix) to it",
                "sales-service: no NetworkPolicy sales-service",
                "contact-service: no Deployment");
    }

    @Test
    void tooLittleRedundancyForProductionIsReported() {
        assertThat(checks.redundancy(Expectations.PROD)).contains(
                "Kafka ordercycle has 1 brokers, expected 3",
                "Cluster billing-db has no instances, expected 3",
                "Cluster billing-db does not replicate synchronously (postgresql.synchronous with number >= 1)");
    }

    @Test
    void resourcesTheOperatorsSchemasRefuseAreReported() {
        Path crds = CrdSchemas.directory(OverlaysTest.ROOT);
        assumeTrue(Files.isDirectory(crds), "no CRDs at " + crds + ": schema validation skipped");

        List<String> problems = checks.schemas(CrdSchemas.load(crds), new HashSet<>());

        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .startsWith("KafkaTopic sales.orders.dlq: ").contains("partitions").contains("integer"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .startsWith("Cluster billing-db: ").contains("instance"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .startsWith("Cluster billing-db: ").contains("instances"));
        assertThat(problems).noneSatisfy(problem -> assertThat(problem).startsWith("KafkaTopic sales.orders: "));
    }
}
