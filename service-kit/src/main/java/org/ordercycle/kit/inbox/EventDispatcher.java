package org.ordercycle.kit.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.ordercycle.events.Event;
import org.ordercycle.events.EventCatalog;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.EventType;
import org.ordercycle.kit.CloudEventHeaders;
import org.ordercycle.kit.EventContext;
import org.ordercycle.kit.EventKeys;
import org.ordercycle.kit.KitConfig;
import org.ordercycle.kit.inbox.EventRouter.Handler;

/**
 * Applies records from a topic to the service's handlers: routes by {@code ce_type}, skips types the service does
 * not handle, applies each event id once (inbox), dead-letters poison and waits out outages of the database.
 *
 * <p>A service reads each topic it listens to on one channel and hands every record to {@link #dispatch}:
 *
 * <pre>{@code
 * @Incoming("sales-orders")
 * @Blocking
 * CompletionStage<Void> salesOrders(Message<String> record) {
 *     return events.dispatch(record);
 * }
 * }</pre>
 */
@ApplicationScoped
public class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

    /** How a record was taken. */
    public enum Delivery {
        /** First delivery of the event: its handlers ran and committed. */
        HANDLED,
        /** The inbox already had this event id: acknowledged, nothing changed. */
        DUPLICATE,
        /** This service does not react to the event's type: acknowledged, nothing changed. */
        SKIPPED
    }

    private final EventRouter router;
    private final Inbox inbox;
    private final KitConfig config;
    private final MeterRegistry metrics;

    EventDispatcher(EventRouter router, Inbox inbox, KitConfig config, MeterRegistry metrics) {
        this.router = router;
        this.inbox = inbox;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Takes one record of a channel: acknowledges it once applied (or skipped), nacks poison so that the channel's
     * dead-letter strategy moves it to {@code <topic>.dlq}. Blocks while the service's database is down.
     */
    public CompletionStage<Void> dispatch(Message<String> message) {
        IncomingEvent incoming = IncomingEvent.from(message);
        try {
            deliver(incoming);
            return message.ack();
        } catch (PoisonEventException poison) {
            LOG.warnf("Dead-lettering %s (%s): %s", incoming, incoming.header(CloudEventHeaders.TYPE).orElse("no type"),
                    poison.getMessage());
            metrics.counter("ordercycle.events.dead.lettered", "topic", incoming.topic()).increment();
            return message.nack(poison);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            // Neither acknowledged nor dead-lettered: the record is delivered again after the restart.
            return new CompletableFuture<>();
        }
    }

    /** Applies one record; see {@link Delivery}. Retries outages of the service's own database until they pass. */
    public Delivery deliver(IncomingEvent incoming) throws PoisonEventException, InterruptedException {
        String typeName = incoming.header(CloudEventHeaders.TYPE)
                .orElseThrow(() -> new PoisonEventException("no " + CloudEventHeaders.TYPE + " header"));
        List<Handler> handlers = router.handlersOf(typeName);
        if (handlers.isEmpty()) {
            metrics.counter("ordercycle.events.skipped", "type", typeName).increment();
            return Delivery.SKIPPED;
        }
        EventType<?> type = EventCatalog.named(typeName).orElseThrow();
        Event event = read(incoming, type);
        EventContext context = new EventContext(
                incoming.header(CloudEventHeaders.CORRELATION_ID).orElse(incoming.key()),
                incoming.header(CloudEventHeaders.TRACEPARENT).orElse(null));

        Duration backoff = config.consumer().initialBackoff();
        while (true) {
            try {
                Delivery delivery = QuarkusTransaction.requiringNew()
                        .call(() -> apply(event, type, handlers, context));
                metrics.counter(delivery == Delivery.HANDLED ? "ordercycle.events.handled" : "ordercycle.events.duplicates",
                        "type", typeName).increment();
                return delivery;
            } catch (RuntimeException failure) {
                if (!Failures.isOutage(failure)) {
                    throw new PoisonEventException(typeName + " " + event.eventId() + " could not be applied: "
                            + rootMessage(failure), failure);
                }
                LOG.warnf("%s %s waits for the database, next try in %s: %s", typeName, event.eventId(), backoff,
                        rootMessage(failure));
                metrics.counter("ordercycle.events.outage.retries", "topic", incoming.topic()).increment();
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(config.consumer().maxBackoff()) < 0
                        ? backoff.multipliedBy(2) : config.consumer().maxBackoff();
            }
        }
    }

    private Delivery apply(Event event, EventType<?> type, List<Handler> handlers, EventContext context)
            throws Exception {
        if (!inbox.firstDelivery(event.eventId(), type.name())) {
            return Delivery.DUPLICATE;
        }
        return EventContext.callWithin(context, () -> {
            handlers.forEach(handler -> handler.handle(event));
            return Delivery.HANDLED;
        });
    }

    private static Event read(IncomingEvent incoming, EventType<?> type) throws PoisonEventException {
        if (incoming.value() == null || incoming.value().isBlank()) {
            throw new PoisonEventException(type.name() + " record has no value");
        }
        Event event;
        try {
            event = EventJson.mapper().readValue(incoming.value(), type.javaType());
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("unreadable " + type.name() + ": " + e.getOriginalMessage(), e);
        }
        if (event.eventId() == null || event.occurredAt() == null) {
            throw new PoisonEventException(type.name() + " lacks eventId or occurredAt");
        }
        try {
            EventKeys.keyOf(event, type);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(e.getMessage(), e);
        }
        return event;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
