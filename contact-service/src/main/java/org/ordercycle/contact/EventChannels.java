package org.ordercycle.contact;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.ordercycle.kit.inbox.EventDispatcher;

/**
 * The topics the CRM listens to, one channel each (every department's order events feed the customer timeline); the
 * kit routes every record to its handler.
 */
@ApplicationScoped
class EventChannels {

    private final EventDispatcher events;

    EventChannels(EventDispatcher events) {
        this.events = events;
    }

    @Incoming("sales-orders")
    @Blocking
    CompletionStage<Void> salesOrders(Message<List<String>> records) {
        return events.dispatch(records);
    }

    @Incoming("sales-quotes")
    @Blocking
    CompletionStage<Void> salesQuotes(Message<List<String>> records) {
        return events.dispatch(records);
    }

    @Incoming("returns-service")
    @Blocking
    CompletionStage<Void> returnsService(Message<List<String>> records) {
        return events.dispatch(records);
    }

    @Incoming("production-schedule")
    @Blocking
    CompletionStage<Void> productionSchedule(Message<List<String>> records) {
        return events.dispatch(records);
    }

    @Incoming("production-shipments")
    @Blocking
    CompletionStage<Void> productionShipments(Message<List<String>> records) {
        return events.dispatch(records);
    }

    @Incoming("billing-invoices")
    @Blocking
    CompletionStage<Void> billingInvoices(Message<List<String>> records) {
        return events.dispatch(records);
    }

    @Incoming("billing-payments")
    @Blocking
    CompletionStage<Void> billingPayments(Message<List<String>> records) {
        return events.dispatch(records);
    }

    @Incoming("returns-cases")
    @Blocking
    CompletionStage<Void> returnsCases(Message<List<String>> records) {
        return events.dispatch(records);
    }
}
