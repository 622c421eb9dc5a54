package org.ordercycle.production.stock;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.returns.ReturnReceived;
import org.ordercycle.kit.inbox.EventHandlers;

/** Puts resellable returned goods back into stock. */
@ApplicationScoped
class ReturnEventsHandler implements EventHandlers {

    private final StockService stock;

    ReturnEventsHandler(StockService stock) {
        this.stock = stock;
    }

    void on(ReturnReceived event) {
        stock.restock(event);
    }
}
