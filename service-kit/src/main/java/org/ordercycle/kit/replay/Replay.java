package org.ordercycle.kit.replay;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.ordercycle.kit.inbox.EventDispatcher.Delivery;

/** One replay of a topic for named handlers, as it goes. */
public final class Replay {

    public enum State { RUNNING, DONE, FAILED, STOPPED }

    /** What an operator sees of a replay. */
    public record View(UUID id, String topic, List<String> handlers, String requestedBy, Instant startedAt,
            Instant finishedAt, State state, String failure, Map<Integer, Long> endOffsets, long read, long handled,
            long duplicates, long skipped, long parked, long deadLettered) {
    }

    private final UUID id;
    private final String topic;
    private final List<String> handlers;
    private final String requestedBy;
    private final Instant startedAt;
    private volatile Instant finishedAt;
    private volatile State state = State.RUNNING;
    private volatile String failure;
    private volatile Map<Integer, Long> endOffsets = Map.of();
    private final AtomicLong read = new AtomicLong();
    private final Map<Delivery, AtomicLong> deliveries = Map.of(Delivery.HANDLED, new AtomicLong(),
            Delivery.DUPLICATE, new AtomicLong(), Delivery.SKIPPED, new AtomicLong(), Delivery.PARKED, new AtomicLong(),
            Delivery.DEAD_LETTERED, new AtomicLong());

    Replay(UUID id, String topic, List<String> handlers, String requestedBy, Instant startedAt) {
        this.id = id;
        this.topic = topic;
        this.handlers = List.copyOf(handlers);
        this.requestedBy = requestedBy;
        this.startedAt = startedAt;
    }

    UUID id() {
        return id;
    }

    String topic() {
        return topic;
    }

    List<String> handlers() {
        return handlers;
    }

    State state() {
        return state;
    }

    void reachesTo(Map<Integer, Long> endOffsets) {
        this.endOffsets = Map.copyOf(endOffsets);
    }

    void count(List<Delivery> batch) {
        read.addAndGet(batch.size());
        batch.forEach(delivery -> deliveries.get(delivery).incrementAndGet());
    }

    void finish(State state, String failure, Instant at) {
        this.failure = failure;
        this.finishedAt = at;
        this.state = state;
    }

    View view() {
        return new View(id, topic, handlers, requestedBy, startedAt, finishedAt, state, failure, endOffsets, read.get(),
                deliveries.get(Delivery.HANDLED).get(), deliveries.get(Delivery.DUPLICATE).get(),
                deliveries.get(Delivery.SKIPPED).get(), deliveries.get(Delivery.PARKED).get(),
                deliveries.get(Delivery.DEAD_LETTERED).get());
    }
}
