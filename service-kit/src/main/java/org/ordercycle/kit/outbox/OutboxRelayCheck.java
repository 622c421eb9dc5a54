package org.ordercycle.kit.outbox;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.ordercycle.kit.KitConfig;

/**
 * Whether the relay works: DOWN when it has had no successful round for longer than
 * {@code ordercycle.kit.outbox.liveness-timeout} while events wait (broker refusing or unreachable, database
 * failing, a query hanging, the relay's thread gone). A wellness check, not readiness: the service still serves its
 * API and its outbox keeps the events. An instance that does not hold the relay lock counts as working; the one that
 * holds it reports for the relaying.
 */
@Wellness
@ApplicationScoped
public class OutboxRelayCheck implements HealthCheck {

    static final String NAME = "outbox-relay";

    private final OutboxRelay relay;
    private final OutboxMonitor monitor;
    private final KitConfig config;

    OutboxRelayCheck(OutboxRelay relay, OutboxMonitor monitor, KitConfig config) {
        this.relay = relay;
        this.monitor = monitor;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (!config.outbox().relayEnabled()) {
            return response.up().withData("relay", "disabled in this instance").build();
        }
        if (!relay.isRunning()) {
            return response.down().withData("relay", "stopped").build();
        }
        if (!relay.isAlive()) {
            return response.down().withData("relay", "its thread has ended").build();
        }
        Duration sinceSuccess = relay.sinceLastSuccess();
        long waiting = monitor.backlog();
        response.withData("secondsSinceLastSuccessfulRound", sinceSuccess.toSeconds())
                .withData("waitingEvents", waiting);
        String failure = relay.currentFailure();
        if (failure != null) {
            response.withData("failure", failure);
        }
        boolean stalled = waiting > 0 && sinceSuccess.compareTo(config.outbox().livenessTimeout()) > 0;
        return response.status(!stalled).build();
    }
}
