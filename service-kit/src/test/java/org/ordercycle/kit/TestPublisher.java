package org.ordercycle.kit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.ordercycle.events.Event;
import org.ordercycle.kit.outbox.Outbox;

/** Publishes as a department's service method does: state change and events in one transaction. */
@ApplicationScoped
@Transactional
class TestPublisher {

    private final Outbox outbox;

    TestPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    void publish(List<? extends Event> events) {
        events.forEach(outbox::publish);
    }

    /** Publishes, then fails before the commit. */
    void publishAndFail(Event event) {
        outbox.publish(event);
        throw new IllegalStateException("business rule broken after publishing");
    }
}
