package org.ordercycle.kit.outbox;

import java.sql.SQLException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Logs the relay's failed rounds once per kind of failure, not once per round: a broker outage of an hour is one
 * warning when it starts and one line when the relay works again, not seven thousand warnings. A different kind of
 * failure is logged when it appears.
 */
final class FailureLog {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private String kind;
    private String lastMessage;
    private long rounds;

    /** Records a failed round; logs it if its kind differs from the failure before. */
    synchronized void failed(Throwable failure, Duration retryIn) {
        String failureKind = kindOf(failure);
        rounds++;
        lastMessage = failureKind + ": " + failure.getMessage();
        if (failureKind.equals(kind)) {
            LOG.debugf("Outbox relay round failed again (%s), trying again in %s: %s", failureKind, retryIn,
                    failure.getMessage());
            return;
        }
        kind = failureKind;
        if (failure instanceof SQLException || failure instanceof RelayFailure) {
            LOG.warnf("Outbox relay round failed (%s), trying again in %s and with back-off until it works"
                    + " (logged again only for another kind of failure): %s", failureKind, retryIn, failure.getMessage());
        } else {
            LOG.errorf(failure, "Outbox relay round failed unexpectedly (%s), trying again in %s and with back-off"
                    + " until it works (logged again only for another kind of failure)", failureKind, retryIn);
        }
    }

    /** Records a successful round; says so once if rounds had failed before. */
    synchronized void succeeded() {
        if (kind != null) {
            LOG.infof("Outbox relay works again after %d failed round%s (last failure: %s)", rounds,
                    rounds == 1 ? "" : "s", lastMessage);
            kind = null;
            rounds = 0;
        }
    }

    /** The last failure while rounds are failing, else null. */
    synchronized String currentFailure() {
        return kind == null ? null : lastMessage;
    }

    /** Broker failures by the Kafka exception, database failures by SQLState, anything else by its class. */
    static String kindOf(Throwable failure) {
        if (failure instanceof RelayFailure relay && relay.getCause() != null) {
            return "broker " + relay.getCause().getClass().getSimpleName();
        }
        if (failure instanceof SQLException sql) {
            return "database " + (sql.getSQLState() == null ? sql.getClass().getSimpleName() : "SQLState " + sql.getSQLState());
        }
        return failure.getClass().getName();
    }
}
