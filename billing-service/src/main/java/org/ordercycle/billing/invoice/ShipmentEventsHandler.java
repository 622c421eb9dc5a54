package org.ordercycle.billing.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.kit.inbox.EventHandlers;
import org.ordercycle.kit.inbox.Received;

/** Every shipment is billed, once: when it leaves or when it arrives, as the customer's profile says. */
@ApplicationScoped
class ShipmentEventsHandler implements EventHandlers {

    private final InvoiceService invoices;

    ShipmentEventsHandler(InvoiceService invoices) {
        this.invoices = invoices;
    }

    /** A poll's run of shipments at once (the kit falls back to lists of one when the run fails). */
    void on(List<Received<ShipmentDispatched>> events) {
        invoices.invoiceShipments(events);
    }

    void on(ShipmentDelivered event) {
        invoices.invoiceDelivery(event);
    }
}
