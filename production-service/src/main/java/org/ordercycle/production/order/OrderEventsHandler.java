package org.ordercycle.production.order;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.inbox.EventHandlers;

/** Takes every order sales places into production. */
@ApplicationScoped
class OrderEventsHandler implements EventHandlers {

    private final Clock clock;

    OrderEventsHandler(Clock clock) {
        this.clock = clock;
    }

    void on(OrderPlaced event) {
        ProductionOrder.receive(event, clock.instant());
    }
}
