package org.ordercycle.returns.tickets;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.ordercycle.events.returns.TicketType;
import org.ordercycle.returns.ReturnsConfig;

/** When a ticket must be closed: the configured time for its type and priority after it opened. */
@ApplicationScoped
public class SlaPolicy {

    private final ReturnsConfig config;

    SlaPolicy(ReturnsConfig config) {
        this.config = config;
    }

    public Instant due(TicketType type, TicketPriority priority, Instant openedAt) {
        return openedAt.plus(time(type, priority));
    }

    Duration time(TicketType type, TicketPriority priority) {
        ReturnsConfig.Tickets tickets = config.tickets();
        ReturnsConfig.Sla sla = switch (type) {
            case INSTALLATION -> tickets.installation();
            case REPAIR -> tickets.repair();
            case MAINTENANCE -> tickets.maintenance();
            case TRAINING -> tickets.training();
            case COMPLAINT -> tickets.complaint();
        };
        return switch (priority) {
            case URGENT -> sla.urgent();
            case HIGH -> sla.high();
            case NORMAL -> sla.normal();
            case LOW -> sla.low();
        };
    }
}
