package org.ordercycle.contact.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.production.ShippedLine;
import org.ordercycle.kit.inbox.EventHandlers;

/** Every shipment of an order on its customer's timeline: what left, how and who sent it. */
@ApplicationScoped
class ShipmentEventsHandler implements EventHandlers {

    private static final String ON_SITE = "ON_SITE";

    private final TimelineService timeline;

    ShipmentEventsHandler(TimelineService timeline) {
        this.timeline = timeline;
    }

    void on(ShipmentDispatched event) {
        String what = Summaries.perLine(event.lines(), ShippedLine::quantity, ShippedLine::lineNo);
        String summary = ON_SITE.equals(event.carrier()) ? "Delivered on site: " + what
                : "Shipped %s via %s%s".formatted(what, event.carrier(),
                        event.trackingNo() == null ? "" : " (tracking " + event.trackingNo() + ")");
        timeline.add(event.customerId(), event.eventId(),
                new NewEntry(event.orderId(), Step.SHIPMENT_DISPATCHED, event.occurredAt(), event.by(), summary));
    }

    void on(ShipmentDelivered event) {
        timeline.addForKnownOrder(event.eventId(), new NewEntry(event.orderId(), Step.SHIPMENT_DELIVERED,
                event.occurredAt(), null, "Delivered at " + event.deliveredAt()));
    }
}
