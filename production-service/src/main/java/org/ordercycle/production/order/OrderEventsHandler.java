package org.ordercycle.production.order;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderAmended;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.inbox.EventHandlers;

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

    void on(OrderAccepted event) {
        reservations.accept(event);
    }

    void on(OrderAmended event) {
        reservations.amend(event);
    }

    void on(OrderCancelled event) {
        reservations.cancel(event);
    }
}
