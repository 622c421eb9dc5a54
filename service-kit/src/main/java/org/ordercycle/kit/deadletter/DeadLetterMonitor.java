package org.ordercycle.kit.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.ordercycle.events.Topic;

/**
 * Unresolved dead letters, per topic, as a gauge ({@code ordercycle.dead.letters.unresolved}) and in the wellness
 * check {@code dead-letters}: DOWN while any waits for an operator. Not readiness: the service still serves.
 */
@Wellness
@ApplicationScoped
public class DeadLetterMonitor implements HealthCheck {

    private final DeadLetters deadLetters;
    private final Map<String, Long> unresolved = new ConcurrentHashMap<>();

    DeadLetterMonitor(DeadLetters deadLetters, MeterRegistry metrics) {
        this.deadLetters = deadLetters;
        for (Topic topic : Topic.values()) {
            Gauge.builder("ordercycle.dead.letters.unresolved", unresolved,
                            counts -> counts.getOrDefault(topic.topicName(), 0L))
                    .tag("topic", topic.topicName())
                    .description("Dead letters of this service waiting for an operator to replay or resolve them")
                    .register(metrics);
        }
    }

    @Scheduled(every = "${ordercycle.kit.outbox.monitor-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Map<String, Long> counts = deadLetters.unresolvedByTopic();
            unresolved.keySet().retainAll(counts.keySet());
            unresolved.putAll(counts);
        } catch (SQLException e) {
            // The database being down shows in readiness; the counts keep their last value.
        }
    }

    @Override
    public HealthCheckResponse call() {
        refresh();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("dead-letters");
        long total = unresolved.values().stream().mapToLong(Long::longValue).sum();
        unresolved.forEach(response::withData);
        return response.status(total == 0).withData("unresolved", total).build();
    }
}
