package org.ordercycle.kit;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The event a handler is reacting to, as far as the events it publishes in turn need to know: they inherit its
 * correlation id and trace, so a whole flow (order placed → reserved → shipped → invoiced) can be followed.
 */
public record EventContext(String correlationId, String traceparent) {

    private static final ThreadLocal<EventContext> CURRENT = new ThreadLocal<>();

    public static Optional<EventContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static <T> T callWithin(EventContext context, Supplier<T> work) {
        EventContext outer = CURRENT.get();
        CURRENT.set(context);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
