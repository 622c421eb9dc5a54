package org.ordercycle.kit;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.ordercycle.kit.inbox.EventDispatcher;

/** The test service's channels, wired to the kit as a department wires its channels. */
@ApplicationScoped
class TestEventChannels {

    private final EventDispatcher events;

    TestEventChannels(EventDispatcher events) {
        this.events = events;
    }

    @Incoming("sales-orders")
    @Blocking
    CompletionStage<Void> salesOrders(Message<List<String>> records) {
        return events.dispatch(records);
    }

    @Incoming("production-shipments")
    @Blocking
    CompletionStage<Void> productionShipments(Message<List<String>> records) {
        return events.dispatch(records);
    }
}
