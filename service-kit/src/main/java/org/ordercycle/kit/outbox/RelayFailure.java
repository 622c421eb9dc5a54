package org.ordercycle.kit.outbox;

/** A relay round that the broker did not complete and that must be tried again later; the cause is Kafka's answer. */
final class RelayFailure extends Exception {

    RelayFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
