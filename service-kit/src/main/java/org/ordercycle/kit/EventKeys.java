package org.ordercycle.kit;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.ordercycle.events.Event;
import org.ordercycle.events.EventCatalog;
import org.ordercycle.events.EventType;

/** Reads an event's Kafka key from the record component its topic names (the order id for order events, …). */
public final class EventKeys {

    private static final ClassValue<RecordComponent> KEY_COMPONENT = new ClassValue<>() {
        @Override
        protected RecordComponent computeValue(Class<?> type) {
            String keyField = EventCatalog.of(type.asSubclass(Event.class)).keyField();
            return Arrays.stream(type.getRecordComponents())
                    .filter(component -> component.getName().equals(keyField))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " has no key field " + keyField));
        }
    };

    private EventKeys() {
    }

    public static String keyOf(Event event, EventType<?> type) {
        Object key;
        try {
            key = KEY_COMPONENT.get(type.javaType()).getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the key of " + type.name(), e);
        }
        if (key == null) {
            throw new IllegalArgumentException(type.name() + " " + event.eventId() + " has no " + type.keyField()
                    + ": its key on " + type.topic().topicName() + " must be set");
        }
        return key.toString();
    }
}
