package org.ordercycle.production.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.sales.ExpediteRequested;
import org.ordercycle.kit.inbox.EventHandlers;

/** Answers every expedite sales asks for with what it costs. */
@ApplicationScoped
class ExpediteEventsHandler implements EventHandlers {

    private final Expedites expedites;

    ExpediteEventsHandler(Expedites expedites) {
        this.expedites = expedites;
    }

    void on(ExpediteRequested event) {
        expedites.answer(event);
    }
}
