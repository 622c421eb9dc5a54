package org.ordercycle.kit.inbox;

/** A record that cannot be applied however often it is tried: it goes to the topic's dead-letter topic. */
public class PoisonEventException extends Exception {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
