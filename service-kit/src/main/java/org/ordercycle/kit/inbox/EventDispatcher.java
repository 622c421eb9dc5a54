package org.ordercycle.kit.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
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
import org.ordercycle.kit.deadletter.DeadLetters;
import org.ordercycle.kit.inbox.EventRouter.Handler;
import org.ordercycle.kit.inbox.Inbox.Entry;
import org.ordercycle.kit.inbox.ParkedEvents.Parked;
import org.ordercycle.kit.inbox.ParkedEvents.Queue;

/**
 * Applies the records of a topic to the service's handlers. The rules (the kit's README has them in full):
 * <ul>
 * <li>Records are routed by {@code ce_type}; a type the service has no handler for is skipped.</li>
 * <li>The records of one poll are applied in one transaction, each handler's inbox entry first, so a redelivered
 * event changes nothing. If that transaction fails for any reason but an outage, the records are applied again one
 * handler at a time, so that one bad record does not hold back the others.</li>
 * <li>Poison — unreadable, or missing what the contract requires — is dead-lettered at once.</li>
 * <li>An outage of the service's database is retried in place for as long as it lasts; a conflict with a
 * concurrent transaction is retried in place too. Nothing is acknowledged past a record that is not done, so the
 * events of one key are applied in order.</li>
 * <li>A handler that throws {@link PrerequisiteMissing} has its event parked until the prerequisite arrives.</li>
 * <li>A handler that fails with the same exception {@code failure-attempts} times in a row has the event
 * dead-lettered with that exception; later events of the key go on.</li>
 * </ul>
 *
 * <p>A service reads each topic it has handlers for on one channel (with {@code batch=true}, a kit default) and
 * hands every poll to {@link #dispatch}:
 *
 * <pre>{@code
 * @Incoming("sales-orders")
 * @Blocking
 * CompletionStage<Void> salesOrders(Message<List<String>> records) {
 *     return events.dispatch(records);
 * }
 * }</pre>
 */
@ApplicationScoped
public class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

    /** What became of a record. */
    public enum Delivery {
        /** Its handlers ran and committed (at least one of them for the first time). */
        HANDLED,
        /** Every handler had already applied it (inbox): acknowledged, nothing changed. */
        DUPLICATE,
        /** This service does not react to its type: acknowledged, nothing changed. */
        SKIPPED,
        /** A handler waits for a prerequisite (or behind an earlier event of the key that does): kept for later. */
        PARKED,
        /** It can never be applied, or a handler kept failing: kept as a dead letter. */
        DEAD_LETTERED
    }

    /** A record once its headers and value have been read. */
    private sealed interface Decoded {
        IncomingEvent record();
    }

    private record Poison(IncomingEvent record, String eventType, UUID eventId, String reason, Throwable cause)
            implements Decoded {
    }

    private record Skipped(IncomingEvent record) implements Decoded {
    }

    private record Ready(IncomingEvent record, Event event, EventType<?> type, List<Handler> handlers,
            EventContext context) implements Decoded {

        String key() {
            return record.key() != null ? record.key() : EventKeys.keyOf(event, type);
        }
    }

    private final EventRouter router;
    private final Inbox inbox;
    private final ParkedEvents parked;
    private final DeadLetters deadLetters;
    private final KitConfig config;
    private final MeterRegistry metrics;
    private final Stopping shutdown;

    EventDispatcher(EventRouter router, Inbox inbox, ParkedEvents parked, DeadLetters deadLetters, KitConfig config,
            MeterRegistry metrics, Stopping shutdown) {
        this.shutdown = shutdown;
        this.router = router;
        this.inbox = inbox;
        this.parked = parked;
        this.deadLetters = deadLetters;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Takes one poll of a channel and acknowledges it once every record is applied, skipped, parked or
     * dead-lettered. Blocks while the service's database is down; never nacks (a nack would skip records).
     */
    public CompletionStage<Void> dispatch(Message<List<String>> batch) {
        try {
            deliver(IncomingEvent.fromBatch(batch));
            return batch.ack();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            // Neither acknowledged nor dead-lettered: the records are delivered again after the restart.
            return new CompletableFuture<>();
        }
    }

    /** Applies one record to every handler of its type; see {@link Delivery}. */
    public Delivery deliver(IncomingEvent record) throws InterruptedException {
        return deliver(List.of(record)).get(0);
    }

    /** Applies records, in their order, to every handler of their types. */
    public List<Delivery> deliver(List<IncomingEvent> records) throws InterruptedException {
        return deliver(records, handler -> true);
    }

    /**
     * Applies records to the handlers {@code selected} admits (a replay for a new handler selects it alone); returns
     * what became of each record, in order.
     */
    public List<Delivery> deliver(List<IncomingEvent> records, Predicate<Handler> selected) throws InterruptedException {
        List<Decoded> decoded = new ArrayList<>(records.size());
        for (IncomingEvent record : records) {
            decoded.add(decode(record, selected));
        }
        List<Delivery> deliveries;
        if (decoded.stream().allMatch(Skipped.class::isInstance)) {
            deliveries = decoded.stream().map(record -> Delivery.SKIPPED).toList();
        } else {
            deliveries = config.consumer().transactionPerPoll() ? applyInOneTransaction(decoded) : null;
            if (deliveries == null) {
                deliveries = applyOneByOne(decoded);
            }
        }
        count(decoded, deliveries);
        applyArrived();
        return deliveries;
    }

    /**
     * Re-delivers a dead letter's record to the handler that failed (to every handler of its type when it was
     * poison), once, without waiting: the outcome says whether it was applied now.
     */
    public Delivery redeliver(IncomingEvent record, String handlerId) throws RedeliveryFailed {
        Decoded decoded = decode(record, handler -> handlerId == null || handler.id().equals(handlerId));
        if (decoded instanceof Poison poison) {
            throw new RedeliveryFailed(poison.reason(), poison.cause());
        }
        if (!(decoded instanceof Ready ready)) {
            return Delivery.SKIPPED;
        }
        Delivery result = Delivery.DUPLICATE;
        for (Handler handler : ready.handlers()) {
            Delivery delivery;
            try {
                delivery = inTransaction(() -> applyUnit(ready, handler, null));
            } catch (Throwable failure) {
                Prerequisites.takeArrived();
                Optional<PrerequisiteMissing> missing = prerequisiteMissing(failure);
                if (missing.isEmpty()) {
                    throw new RedeliveryFailed(handler + " failed again: " + Failures.describe(failure), failure);
                }
                try {
                    inTransaction(() -> park(ready, handler, missing.get().prerequisite()));
                } catch (Throwable parkFailed) {
                    throw new RedeliveryFailed("could not park for " + missing.get().prerequisite() + ": "
                            + Failures.describe(parkFailed), parkFailed);
                }
                delivery = Delivery.PARKED;
            }
            result = worse(result, delivery);
        }
        try {
            applyArrived();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    /** A dead letter that could not be applied on replay either. */
    public static class RedeliveryFailed extends Exception {
        RedeliveryFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Applies the parked events waiting for these prerequisites (all parked events if null), oldest first. */
    public void applyParked(Collection<String> prerequisites) throws InterruptedException {
        List<Long> ids;
        try {
            ids = parked.waitingFor(prerequisites);
        } catch (SQLException e) {
            LOG.warnf("Parked events not retried now: %s", e.getMessage());
            return;
        }
        for (long id : ids) {
            applyParked(id);
        }
        refreshParkedCount();
    }

    // ---- decoding ----

    private Decoded decode(IncomingEvent record, Predicate<Handler> selected) {
        Optional<String> typeName = record.header(CloudEventHeaders.TYPE);
        if (typeName.isEmpty()) {
            return new Poison(record, null, null, "no " + CloudEventHeaders.TYPE + " header", null);
        }
        List<Handler> handlers = router.handlersOf(typeName.get()).stream().filter(selected).toList();
        if (handlers.isEmpty()) {
            return new Skipped(record);
        }
        EventType<?> type = EventCatalog.named(typeName.get()).orElseThrow();
        UUID headerId = record.header(CloudEventHeaders.ID).flatMap(EventDispatcher::uuid).orElse(null);
        if (record.value() == null || record.value().isBlank()) {
            return new Poison(record, type.name(), headerId, type.name() + " record has no value", null);
        }
        Event event;
        try {
            event = EventJson.mapper().readValue(record.value(), type.javaType());
        } catch (JsonProcessingException e) {
            return new Poison(record, type.name(), headerId, "unreadable " + type.name() + ": " + e.getOriginalMessage(), e);
        }
        List<String> missing = type.missingRequired(event);
        if (!missing.isEmpty()) {
            return new Poison(record, type.name(), event.eventId() != null ? event.eventId() : headerId,
                    type.name() + " lacks required " + String.join(", ", missing), null);
        }
        EventContext context = new EventContext(
                record.header(CloudEventHeaders.CORRELATION_ID).orElse(EventKeys.keyOf(event, type)),
                record.header(CloudEventHeaders.TRACEPARENT).orElse(null));
        return new Ready(record, event, type, handlers, context);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ---- the whole poll in one transaction ----

    /** Null when the poll must be applied one handler at a time instead. */
    private List<Delivery> applyInOneTransaction(List<Decoded> decoded) throws InterruptedException {
        Backoff backoff = new Backoff(config.consumer().initialBackoff(), config.consumer().maxBackoff());
        while (true) {
            try {
                return inTransaction(() -> applyAll(decoded));
            } catch (Throwable failure) {
                Prerequisites.takeArrived();
                if (!Failures.isOutage(failure)) {
                    LOG.debugf("A poll of %d records is applied one by one: %s", decoded.size(), Failures.describe(failure));
                    String topic = decoded.get(0).record().topic();
                    metrics.counter("ordercycle.events.poll.fallbacks", "topic", topic).increment();
                    if (Failures.isConflict(failure)) {
                        metrics.counter("ordercycle.events.conflict.retries", "topic", topic).increment();
                    }
                    return null;
                }
                waitOutOutage(decoded.get(0).record(), "a poll of " + decoded.size() + " records", failure, backoff);
            }
        }
    }

    private List<Delivery> applyAll(List<Decoded> decoded) throws Exception {
        Map<Queue, String> queues = queuesOf(decoded);
        List<Entry> entries = new ArrayList<>();
        for (Decoded record : decoded) {
            if (record instanceof Ready ready) {
                for (Handler handler : ready.handlers()) {
                    if (!queues.containsKey(queueOf(ready, handler))) {
                        entries.add(new Entry(handler.id(), ready.event().eventId(), ready.type().name()));
                    }
                }
            }
        }
        Set<Entry> first = new HashSet<>(inbox.firstDeliveries(entries));
        List<Delivery> deliveries = new ArrayList<>(Collections.nCopies(decoded.size(), Delivery.SKIPPED));
        int next = 0;
        while (next < decoded.size()) {
            Decoded record = decoded.get(next);
            if (record instanceof Poison poison) {
                deadLetter(poison, null, poison.reason(), poison.cause(), 1);
                deliveries.set(next, Delivery.DEAD_LETTERED);
                next++;
            } else if (record instanceof Ready) {
                List<Integer> run = runFrom(decoded, next);
                applyRun(decoded, run, queues, first, deliveries);
                next = run.get(run.size() - 1) + 1;
            } else {
                next++;
            }
        }
        return deliveries;
    }

    /**
     * The positions of the run that starts at {@code start}: the consecutive records of its type (skipped records
     * between them do not end it) when a batch handler reacts to the type, otherwise the one record.
     */
    private static List<Integer> runFrom(List<Decoded> decoded, int start) {
        Ready first = (Ready) decoded.get(start);
        List<Integer> run = new ArrayList<>();
        run.add(start);
        if (first.handlers().stream().noneMatch(Handler::batch)) {
            return run;
        }
        for (int position = start + 1; position < decoded.size(); position++) {
            Decoded record = decoded.get(position);
            if (record instanceof Ready ready && ready.type() == first.type()) {
                run.add(position);
            } else if (!(record instanceof Skipped)) {
                break;
            }
        }
        return run;
    }

    /**
     * Applies a run of records of one type: each handler in turn, a batch handler once with the run's events it has
     * not applied yet (in their order), any other handler event by event. An event whose key waits behind a parked
     * one is parked instead.
     */
    private void applyRun(List<Decoded> decoded, List<Integer> run, Map<Queue, String> queues, Set<Entry> first,
            List<Delivery> deliveries) throws Exception {
        run.forEach(position -> deliveries.set(position, Delivery.DUPLICATE));
        for (Handler handler : ((Ready) decoded.get(run.get(0))).handlers()) {
            List<Ready> batch = new ArrayList<>();
            for (int position : run) {
                Ready ready = (Ready) decoded.get(position);
                Queue queue = queueOf(ready, handler);
                if (queues.containsKey(queue)) {
                    parked.park(handler.id(), queues.get(queue), ready.record(), ready.type().name(),
                            ready.event().eventId());
                    deliveries.set(position, worse(deliveries.get(position), Delivery.PARKED));
                } else if (first.remove(new Entry(handler.id(), ready.event().eventId(), ready.type().name()))) {
                    if (handler.batch()) {
                        batch.add(ready);
                    } else {
                        invoke(handler, ready);
                    }
                    deliveries.set(position, worse(deliveries.get(position), Delivery.HANDLED));
                }
            }
            if (!batch.isEmpty()) {
                invokeAll(handler, batch);
            }
        }
    }

    private Map<Queue, String> queuesOf(List<Decoded> decoded) throws SQLException {
        // Asked on every poll, not from a cached count: another thread or replica may have parked since.
        Set<String> topics = new LinkedHashSet<>();
        decoded.forEach(record -> topics.add(record.record().topic()));
        return parked.queues(topics);
    }

    // ---- one handler at a time ----

    private List<Delivery> applyOneByOne(List<Decoded> decoded) throws InterruptedException {
        List<Delivery> deliveries = new ArrayList<>(decoded.size());
        for (Decoded record : decoded) {
            if (record instanceof Poison poison) {
                retryingOutages(record.record(), () -> deadLetter(poison, null, poison.reason(), poison.cause(), 1));
                deliveries.add(Delivery.DEAD_LETTERED);
            } else if (record instanceof Ready ready) {
                Delivery result = Delivery.DUPLICATE;
                for (Handler handler : ready.handlers()) {
                    result = worse(result, applyPatiently(ready, handler, null));
                }
                deliveries.add(result);
            } else {
                deliveries.add(Delivery.SKIPPED);
            }
            applyArrived();
        }
        return deliveries;
    }

    /**
     * Applies one event to one handler, retrying in place: outages as long as they last, conflicts and failures up
     * to their limits (then the event is dead-lettered). {@code parkedId} is set when the event comes out of the
     * parked events.
     */
    private Delivery applyPatiently(Ready ready, Handler handler, Long parkedId) throws InterruptedException {
        Backoff backoff = new Backoff(config.consumer().initialBackoff(), config.consumer().maxBackoff());
        int conflicts = 0;
        int failures = 0;
        Class<?> lastFailure = null;
        while (true) {
            try {
                return inTransaction(() -> applyUnit(ready, handler, parkedId));
            } catch (Throwable failure) {
                Prerequisites.takeArrived();
                if (shutdown.isStopping()) {
                    // Not the event's fault: the service closes its resources. Redelivered after the restart.
                    throw new InterruptedException("stopping while " + handler.id() + " applies "
                            + ready.event().eventId() + ": " + Failures.describe(failure));
                }
                Optional<PrerequisiteMissing> missing = prerequisiteMissing(failure);
                if (missing.isPresent()) {
                    String prerequisite = missing.get().prerequisite();
                    retryingOutages(ready.record(), () -> parkedId == null
                            ? park(ready, handler, prerequisite)
                            : repark(parkedId, prerequisite));
                    return Delivery.PARKED;
                }
                if (Failures.isOutage(failure)) {
                    waitOutOutage(ready.record(), handler.id(), failure, backoff);
                    continue;
                }
                boolean conflict = Failures.isConflict(failure);
                Class<?> kind = Failures.root(failure).getClass();
                failures = conflict ? failures : kind == lastFailure ? failures + 1 : 1;
                conflicts = conflict ? conflicts + 1 : conflicts;
                lastFailure = conflict ? lastFailure : kind;
                int attempts = conflict ? conflicts : failures;
                int limit = conflict ? config.consumer().conflictAttempts() : config.consumer().failureAttempts();
                metrics.counter(conflict ? "ordercycle.events.conflict.retries" : "ordercycle.events.failure.retries",
                        "topic", ready.record().topic()).increment();
                if (attempts >= limit) {
                    String reason = handler.id() + " failed " + attempts + " times in a row: " + Failures.describe(failure);
                    LOG.errorf(failure, "Dead-lettering %s %s (%s): %s", ready.type().name(), ready.event().eventId(),
                            ready.record(), reason);
                    retryingOutages(ready.record(), () -> {
                        if (parkedId != null) {
                            parked.remove(parkedId);
                        }
                        return deadLetter(ready, handler, reason, failure, attempts);
                    });
                    return Delivery.DEAD_LETTERED;
                }
                LOG.warnf("%s %s: %s failed (%s, attempt %d of %d), next try in %s", ready.type().name(),
                        ready.event().eventId(), handler.id(), Failures.describe(failure), attempts, limit,
                        backoff.current());
                backoff.sleep();
            }
        }
    }

    /**
     * One handler, one event, inside the caller's transaction. An event coming out of the parked events is taken
     * out in the same transaction, so that it is back in its place if applying it fails.
     */
    private Delivery applyUnit(Ready ready, Handler handler, Long parkedId) throws Exception {
        if (parkedId != null) {
            if (!parked.take(parkedId)) {
                return Delivery.PARKED;
            }
        } else {
            String waitingFor = parked.queues(List.of(ready.record().topic())).get(queueOf(ready, handler));
            if (waitingFor != null) {
                park(ready, handler, waitingFor);
                return Delivery.PARKED;
            }
        }
        if (!inbox.firstDelivery(handler.id(), ready.event().eventId(), ready.type().name())) {
            return Delivery.DUPLICATE;
        }
        invoke(handler, ready);
        return Delivery.HANDLED;
    }

    // ---- parked events ----

    private void applyParked(long id) throws InterruptedException {
        Optional<Parked> found;
        try {
            found = parked.find(id);
        } catch (SQLException e) {
            LOG.warnf("Parked event %d not retried now: %s", id, e.getMessage());
            return;
        }
        if (found.isEmpty()) {
            return;
        }
        Parked event = found.get();
        Optional<Handler> handler = router.handler(event.handler());
        Decoded decoded = decode(event.record(), candidate -> handler.isPresent() && candidate == handler.get());
        if (!(decoded instanceof Ready ready)) {
            // The handler is gone (a new version of the service dropped it): its parked events go to the operator.
            retryingOutages(event.record(), () -> {
                parked.remove(id);
                return deadLetters.record(event.record(), event.record().header(CloudEventHeaders.TYPE).orElse(null),
                        null, event.handler(), "parked for " + event.prerequisite() + ", but " + event.handler()
                                + " no longer handles it", null, 1);
            });
            return;
        }
        Delivery delivery = applyPatiently(ready, handler.get(), id);
        metrics.counter("ordercycle.events.unparked", "topic", event.record().topic(), "outcome",
                delivery.name().toLowerCase()).increment();
    }

    private Delivery park(Ready ready, Handler handler, String prerequisite) throws SQLException {
        parked.park(handler.id(), prerequisite, ready.record(), ready.type().name(), ready.event().eventId());
        Prerequisites.parkedFor(prerequisite);
        metrics.counter("ordercycle.events.parked", "topic", ready.record().topic()).increment();
        LOG.infof("%s %s waits for %s (%s)", ready.type().name(), ready.event().eventId(), prerequisite, handler.id());
        return Delivery.PARKED;
    }

    private Delivery repark(long parkedId, String prerequisite) throws SQLException {
        parked.repark(parkedId, prerequisite);
        return Delivery.PARKED;
    }

    private void applyArrived() throws InterruptedException {
        Set<String> arrived = Prerequisites.takeArrived();
        if (!arrived.isEmpty()) {
            applyParked(arrived);
        }
        // Parked while another transaction was committing the prerequisite: that one's look found nothing yet.
        Set<String> parkedFor = Prerequisites.takeParkedFor();
        if (!parkedFor.isEmpty()) {
            applyParked(parkedFor);
        }
    }

    private void refreshParkedCount() {
        try {
            parked.countWaiting();
        } catch (SQLException e) {
            LOG.debugf("Parked events not counted: %s", e.getMessage());
        }
    }

    private static Queue queueOf(Ready ready, Handler handler) {
        return new Queue(handler.beanName(), ready.record().topic(), ready.key());
    }

    // ---- dead letters ----

    private UUID deadLetter(Decoded record, Handler handler, String reason, Throwable cause, int attempts)
            throws SQLException {
        String type = null;
        UUID eventId = null;
        if (record instanceof Poison poison) {
            type = poison.eventType();
            eventId = poison.eventId();
            LOG.warnf("Dead-lettering %s (%s): %s", record.record(), type == null ? "no type" : type, reason);
        } else if (record instanceof Ready ready) {
            type = ready.type().name();
            eventId = ready.event().eventId();
        }
        return deadLetters.record(record.record(), type, eventId, handler == null ? null : handler.id(), reason, cause,
                attempts);
    }

    // ---- helpers ----

    private void invoke(Handler handler, Ready ready) {
        EventContext.callWithin(ready.context(), () -> {
            handler.handle(ready.event());
            return null;
        });
    }

    private void invokeAll(Handler handler, List<Ready> batch) {
        List<Received<Event>> events = new ArrayList<>(batch.size());
        batch.forEach(ready -> events.add(new Received<>(ready.event(), ready.context())));
        metrics.summary("ordercycle.events.batch.size", "handler", handler.id()).record(events.size());
        EventContext.callWithin(null, () -> {
            handler.handleAll(events);
            return null;
        });
    }

    private static <T> T inTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    /** Runs a kit bookkeeping transaction (park, dead-letter) until the database lets it commit. */
    private <T> T retryingOutages(IncomingEvent record, Callable<T> work) throws InterruptedException {
        Backoff backoff = new Backoff(config.consumer().initialBackoff(), config.consumer().maxBackoff());
        while (true) {
            try {
                return inTransaction(work);
            } catch (Throwable failure) {
                waitOutOutage(record, "kit bookkeeping", failure, backoff);
            }
        }
    }

    private void waitOutOutage(IncomingEvent record, String what, Throwable failure, Backoff backoff)
            throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("stopping while " + what + " waits");
        }
        LOG.warnf("%s of %s waits for the database, next try in %s: %s", what, record, backoff.current(),
                Failures.describe(failure));
        metrics.counter("ordercycle.events.outage.retries", "topic", record.topic()).increment();
        backoff.sleep();
    }

    private static Optional<PrerequisiteMissing> prerequisiteMissing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PrerequisiteMissing missing) {
                return Optional.of(missing);
            }
        }
        return Optional.empty();
    }

    /** What a record's deliveries to several handlers add up to: the one that needs the most attention. */
    private static Delivery worse(Delivery a, Delivery b) {
        return attention(a) >= attention(b) ? a : b;
    }

    private static int attention(Delivery delivery) {
        return switch (delivery) {
            case SKIPPED -> 0;
            case DUPLICATE -> 1;
            case HANDLED -> 2;
            case PARKED -> 3;
            case DEAD_LETTERED -> 4;
        };
    }

    private void count(List<Decoded> decoded, List<Delivery> deliveries) {
        for (int i = 0; i < decoded.size(); i++) {
            Decoded record = decoded.get(i);
            String type = record.record().header(CloudEventHeaders.TYPE).orElse("none");
            switch (deliveries.get(i)) {
                case HANDLED -> metrics.counter("ordercycle.events.handled", "type", type).increment();
                case DUPLICATE -> metrics.counter("ordercycle.events.duplicates", "type", type).increment();
                case SKIPPED -> metrics.counter("ordercycle.events.skipped", "type", type).increment();
                case DEAD_LETTERED -> metrics.counter("ordercycle.events.dead.lettered", "topic",
                        record.record().topic()).increment();
                case PARKED -> {
                }
            }
        }
    }

    /** Waits that double from an initial to a maximal pause. */
    private static final class Backoff {
        private final Duration max;
        private Duration current;

        Backoff(Duration initial, Duration max) {
            this.current = initial;
            this.max = max;
        }

        Duration current() {
            return current;
        }

        void sleep() throws InterruptedException {
            Thread.sleep(current.toMillis());
            Duration next = current.multipliedBy(2);
            current = next.compareTo(max) < 0 ? next : max;
        }
    }
}
