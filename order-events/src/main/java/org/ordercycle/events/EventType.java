package org.ordercycle.events;

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
}
