package org.ordercycle.kit.outbox;

import org.ordercycle.events.Event;
import org.ordercycle.kit.EventContext;

/**
 * An event for {@link Outbox#publishAll}, with the event it reacts to (its correlation id and trace are inherited),
 * or none for an event a request or a schedule causes.
 */
public record Publication(Event event, EventContext cause) {

    /** An event caused by whatever the current thread handles ({@link EventContext#current()}), as {@code publish} does. */
    public static Publication of(Event event) {
        return new Publication(event, EventContext.current().orElse(null));
    }
}
