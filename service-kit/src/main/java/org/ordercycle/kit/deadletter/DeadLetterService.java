package org.ordercycle.kit.deadletter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.ordercycle.events.Topic;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.inbox.EventDispatcher;
import org.ordercycle.kit.inbox.EventDispatcher.Delivery;
import org.ordercycle.kit.inbox.EventDispatcher.RedeliveryFailed;
import org.ordercycle.kit.inbox.IncomingEvent;

/** What an operator does with the service's dead letters: look at them, replay them, or resolve them. */
@ApplicationScoped
public class DeadLetterService {

    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);

    /** The outcome of one replay. */
    public record Replayed(UUID id, boolean applied, String delivery, String detail) {
    }

    private final DeadLetters deadLetters;
    private final EventDispatcher dispatcher;

    DeadLetterService(DeadLetters deadLetters, EventDispatcher dispatcher) {
        this.deadLetters = deadLetters;
        this.dispatcher = dispatcher;
    }

    public List<DeadLetter> list(String topic, boolean includeResolved, int limit) {
        if (topic != null && Topic.named(topic).isEmpty()) {
            throw ProblemException.badRequest("topic", topic + " is not a topic of the event catalog");
        }
        return call(() -> deadLetters.list(topic, includeResolved, limit));
    }

    public DeadLetter find(UUID id) {
        return call(() -> deadLetters.find(id)).orElseThrow(() -> ProblemException.notFound("dead letter", id));
    }

    /**
     * Delivers the dead letter's record again, to the handler that failed (every handler of its type if it was
     * poison), through the inbox: a handler that applied it meanwhile is not applied twice. Applied (or parked
     * for a prerequisite) means resolved; a failure leaves it unresolved with the new reason.
     */
    public Replayed replay(UUID id, String by) {
        DeadLetter deadLetter = find(id);
        if (deadLetter.resolved()) {
            throw ProblemException.conflict("Dead letter already resolved",
                    "dead letter " + id + " was " + deadLetter.resolution().toLowerCase() + " by " + deadLetter.resolvedBy()
                            + " at " + deadLetter.resolvedAt());
        }
        IncomingEvent record = new IncomingEvent(deadLetter.topic(), deadLetter.partition(), deadLetter.offset(),
                deadLetter.key(), deadLetter.headers(), deadLetter.payload());
        try {
            Delivery delivery = dispatcher.redeliver(record, deadLetter.handler());
            boolean marked = QuarkusTransaction.requiringNew().call(() -> deadLetters.markResolved(id, "REPLAYED", by));
            LOG.infof("Dead letter %s replayed by %s: %s%s", id, by, delivery, marked ? "" : " (resolved meanwhile)");
            return new Replayed(id, true, delivery.name(), "replayed: " + delivery.name().toLowerCase());
        } catch (RedeliveryFailed failed) {
            QuarkusTransaction.requiringNew().call(() -> {
                deadLetters.replayFailed(id, failed.getMessage());
                return null;
            });
            LOG.warnf("Dead letter %s replayed by %s failed again: %s", id, by, failed.getMessage());
            return new Replayed(id, false, null, failed.getMessage());
        }
    }

    /** Replays every unresolved dead letter of a topic, oldest first. */
    public List<Replayed> replayTopic(String topic, String by) {
        List<DeadLetter> unresolved = new ArrayList<>(list(topic, false, Integer.MAX_VALUE));
        unresolved.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        return unresolved.stream().map(deadLetter -> replay(deadLetter.id(), by)).toList();
    }

    /** Marks a dead letter as dealt with, without replaying it. */
    public DeadLetter resolve(UUID id, String by) {
        DeadLetter deadLetter = find(id);
        boolean marked = QuarkusTransaction.requiringNew().call(() -> deadLetters.markResolved(id, "RESOLVED", by));
        if (!marked) {
            throw ProblemException.conflict("Dead letter already resolved",
                    "dead letter " + id + " was " + String.valueOf(deadLetter.resolution()).toLowerCase() + " by "
                            + deadLetter.resolvedBy());
        }
        LOG.infof("Dead letter %s resolved by %s without replay", id, by);
        return find(id);
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    private static <T> T call(Query<T> query) {
        try {
            return query.run();
        } catch (SQLException e) {
            throw new IllegalStateException("dead letters not readable: " + e.getMessage(), e);
        }
    }
}
