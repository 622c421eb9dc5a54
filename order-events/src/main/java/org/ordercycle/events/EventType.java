package org.ordercycle.events;

import java.util.List;
import java.util.Objects;

/**
 * One kind of event: its name (the CloudEvents {@code ce_type}), its record and the topic it travels on.
 */
public record EventType<E extends Event>(String name, Class<E> javaType, Topic topic) {

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(topic, "topic");
    }

    /** The record component the Kafka key (and {@code ce_subject}) is taken from. */
    public String keyField() {
        return topic.keyField();
    }

    /**
     * The paths of the required fields the event lacks, e.g. {@code customerId}, {@code lines[1].sku},
     * {@code total.currency}; empty when the event is complete. Required is every field of the event and of the
     * records nested in it that is not marked {@link OptionalField}, always including {@code eventId},
     * {@code occurredAt} and the key field. An event that lacks one can never be applied: a consumer
     * dead-letters it rather than retrying. (A number or flag, being primitive, cannot be absent here: the
     * shared mapper refuses to read a record without it.)
     *
     * @throws IllegalArgumentException when the event is not of this type
     */
    public List<String> missingRequired(Event event) {
        if (!javaType.isInstance(event)) {
            throw new IllegalArgumentException(
                    (event == null ? "null" : event.getClass().getName()) + " is not a " + name);
        }
        return RequiredFields.of(javaType).missing(event, keyField());
    }
}
