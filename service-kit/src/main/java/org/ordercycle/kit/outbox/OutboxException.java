package org.ordercycle.kit.outbox;

/** The outbox could not take an event: the caller's transaction must not commit without it. */
public class OutboxException extends RuntimeException {

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
