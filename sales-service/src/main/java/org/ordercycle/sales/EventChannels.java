package org.ordercycle.sales;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.ordercycle.kit.inbox.EventDispatcher;

/** The topics sales listens to, one channel each; the kit routes every record to its handler. */
@ApplicationScoped
class EventChannels {

    private final EventDispatcher events;

    EventChannels(EventDispatcher events) {
        this.events = events;
    }

    @Incoming("contact-customers")
    @Blocking
    CompletionStage<Void> contactCustomers(Message<List<String>> records) {
        return events.dispatch(records);
    }

    @Incoming("production-availability")
    @Blocking
    CompletionStage<Void> productionAvailability(Message<List<String>> records) {
        return events.dispatch(records);
    }

    @Incoming("production-capacity")
    @Blocking
    CompletionStage<Void> productionCapacity(Message<List<String>> records) {
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
