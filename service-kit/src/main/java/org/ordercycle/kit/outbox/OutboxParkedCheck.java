package org.ordercycle.kit.outbox;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * DOWN while any outbox event is parked: the broker refused it for good, it and the later events of its key wait
 * for an operator ({@code GET /admin/outbox/parked}, then a fix and {@code POST /admin/outbox/parked/{id}/retry}).
 */
@Wellness
@ApplicationScoped
public class OutboxParkedCheck implements HealthCheck {

    static final String NAME = "outbox-parked";

    private final OutboxMonitor monitor;

    OutboxParkedCheck(OutboxMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public HealthCheckResponse call() {
        long parked = monitor.parked();
        return HealthCheckResponse.named(NAME).status(parked == 0).withData("parked", parked).build();
    }
}
