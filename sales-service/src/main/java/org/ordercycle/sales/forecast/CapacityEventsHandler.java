package org.ordercycle.sales.forecast;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.production.CapacityPlanPublished;
import org.ordercycle.kit.inbox.EventHandlers;

/** Keeps production's capacity plans, shown beside sales' forecast. */
@ApplicationScoped
class CapacityEventsHandler implements EventHandlers {

    void on(CapacityPlanPublished event) {
        CapacityPlan.published(event.workCenter(), event.month(), event.hoursAvailable(), event.hoursCommitted(),
                event.occurredAt());
    }
}
