package org.ordercycle.billing.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.kit.inbox.EventHandlers;

/** Every shipment is billed, once: when it leaves or when it arrives, as the customer's profile says. */
@ApplicationScoped
class ShipmentEventsHandler implements EventHandlers {

    private final InvoiceService invoices;

    ShipmentEventsHandler(InvoiceService invoices) {
        this.invoices = invoices;
    }

    void on(ShipmentDispatched event) {
        invoices.invoiceShipment(event);
    }

    void on(ShipmentDelivered event) {
        invoices.invoiceDelivery(event);
    }
}
