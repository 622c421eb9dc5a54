package org.ordercycle.returns;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.ordercycle.kit.inbox.EventDispatcher;

/**
 * The topics returns listens to, one channel each; the kit routes every record to its handler. Returns has no
 * handlers yet, so every record is acknowledged and skipped: a handler added later sees only the events that
 * arrive after it is deployed, unless the consumer group's offsets are reset.
 */
@ApplicationScoped
class EventChannels {

    private final EventDispatcher events;

    EventChannels(EventDispatcher events) {
        this.events = events;
    }

    @Incoming("sales-orders")
    @Blocking
    CompletionStage<Void> salesOrders(Message<String> record) {
        return events.dispatch(record);
    }

    @Incoming("production-shipments")
    @Blocking
    CompletionStage<Void> productionShipments(Message<String> record) {
        return events.dispatch(record);
    }

    @Incoming("billing-invoices")
    @Blocking
    CompletionStage<Void> billingInvoices(Message<String> record) {
        return events.dispatch(record);
    }
}
