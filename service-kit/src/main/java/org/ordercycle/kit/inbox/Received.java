package org.ordercycle.kit.inbox;

import org.ordercycle.events.Event;
import org.ordercycle.kit.EventContext;
import org.ordercycle.kit.outbox.Publication;

/**
 * One event of a run a batch handler takes at once ({@code void on(List<Received<ShipmentDispatched>> events)}), with
 * the context it came in: the events a handler publishes because of it inherit its correlation id and trace.
 *
 * @param event   the event, read and checked as for a single-event handler
 * @param context its correlation id and traceparent
 */
public record Received<E extends Event>(E event, EventContext context) {

    /** {@code published}, to be written by {@code Outbox.publishAll}, as caused by this event. */
    public Publication causes(Event published) {
        return new Publication(published, context);
    }
}
