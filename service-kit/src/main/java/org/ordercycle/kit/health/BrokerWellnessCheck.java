package org.ordercycle.kit.health;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.ordercycle.kit.KafkaClients;

/**
 * Whether the Kafka broker answers. A wellness check, not readiness: without the broker the service still serves
 * its API and its outbox holds the events, so taking it out of the load balancer would only make things worse.
 */
@Wellness
@ApplicationScoped
public class BrokerWellnessCheck implements HealthCheck {

    private static final int TIMEOUT_MS = 3_000;

    private final KafkaClients kafka;

    BrokerWellnessCheck(KafkaClients kafka) {
        this.kafka = kafka;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> adminConfig = kafka.config("health");
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        try (Admin admin = Admin.create(adminConfig)) {
            int brokers = admin.describeCluster().nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("kafka-broker").up().withData("brokers", brokers).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka-broker").down()
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
