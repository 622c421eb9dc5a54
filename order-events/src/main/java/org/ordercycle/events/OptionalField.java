package org.ordercycle.events;

import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a record component of the published language as optional: a producer may leave it absent and the event
 * is still complete. Every other component of an event record, and of the records nested in it (lines, money,
 * addresses, allocations, recursively into lists), is required: a record missing one can never be applied and
 * is poison (see {@link EventType#missingRequired(Event)}).
 *
 * <p>A field added to an event later must carry this annotation, so that the records of producers that don't
 * know the field yet stay complete. {@code eventId}, {@code occurredAt} and the topic's key field are never
 * optional, and neither is a primitive ({@code int}, {@code boolean}): a record without one cannot even be read.
 */
@Documented
@Retention(RUNTIME)
@Target(RECORD_COMPONENT)
public @interface OptionalField {

    /**
     * The events in which the field is optional, for a record nested in several events (e.g. an order line's
     * prices may still be absent in {@code OrderPlaced} but never in {@code OrderAccepted}); empty, the default,
     * means in every event.
     */
    Class<? extends Event>[] in() default {};
}
