package org.ordercycle.production.order;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderAmended;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.inbox.EventHandlers;
import org.ordercycle.kit.inbox.Received;

/** Takes every order sales places into production, reserves for it when accepted, releases it when cancelled. */
@ApplicationScoped
class OrderEventsHandler implements EventHandlers {

    private final Reservations reservations;

    OrderEventsHandler(Reservations reservations) {
        this.reservations = reservations;
    }

    void on(OrderPlaced event) {
        reservations.placed(event);
    }

    /** A poll's run of acceptances at once (a single one, replayed or parked, comes as a run of one). */
    void on(List<Received<OrderAccepted>> run) {
        reservations.acceptAll(run);
    }

    void on(OrderAmended event) {
        reservations.amend(event);
    }

    void on(OrderCancelled event) {
        reservations.cancel(event);
    }
}
