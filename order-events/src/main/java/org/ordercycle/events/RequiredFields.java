package org.ordercycle.events;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an event record must carry, read once per event class from its components and their
 * {@link OptionalField} annotations, so that checking a record on every delivery is a walk over its values and
 * never again over its shape.
 */
final class RequiredFields {

    private static final Set<String> ALWAYS_REQUIRED = Set.of("eventId", "occurredAt");

    private static final ClassValue<RequiredFields> BY_EVENT = new ClassValue<>() {
        @Override
        protected RequiredFields computeValue(Class<?> type) {
            return new RequiredFields(type.asSubclass(Event.class));
        }
    };

    private final Class<? extends Event> eventType;
    private final RecordCheck check;

    private RequiredFields(Class<? extends Event> eventType) {
        this.eventType = eventType;
        this.check = recordCheck(eventType, eventType, new HashSet<>());
        for (Component component : check.components) {
            if (!component.required && ALWAYS_REQUIRED.contains(component.name)) {
                throw new IllegalStateException(eventType.getSimpleName() + "." + component.name
                        + " is every event's metadata and cannot be @OptionalField");
            }
        }
    }

    static RequiredFields of(Class<? extends Event> eventType) {
        return BY_EVENT.get(eventType);
    }

    /** The paths of the required fields the event lacks, in the order of the record's components. */
    List<String> missing(Event event, String keyField) {
        for (Component component : check.components) {
            if (!component.required && component.name.equals(keyField)) {
                throw new IllegalStateException(eventType.getSimpleName() + "." + keyField
                        + " is the topic's key and cannot be @OptionalField");
            }
        }
        List<String> missing = new ArrayList<>(0);
        check.collect(event, "", missing);
        return missing;
    }

    private static Check check(Type type, Class<? extends Event> eventType, Set<Class<?>> visiting) {
        if (type instanceof Class<?> plain && plain.isRecord()) {
            return recordCheck(plain, eventType, visiting);
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return new CollectionCheck(check(generic.getActualTypeArguments()[0], eventType, visiting));
        }
        if (type instanceof Class<?> plain && Collection.class.isAssignableFrom(plain)) {
            return new CollectionCheck(null);
        }
        return null; // a value (UUID, String, BigDecimal, an enum, a date): present is all it can be asked
    }

    private static RecordCheck recordCheck(Class<?> recordType, Class<? extends Event> eventType,
            Set<Class<?>> visiting) {
        if (!visiting.add(recordType)) {
            throw new IllegalStateException(recordType.getSimpleName() + " contains itself; events are trees");
        }
        List<Component> components = new ArrayList<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            boolean optional = isOptional(component, eventType);
            if (component.getType().isPrimitive()) {
                if (optional) {
                    throw new IllegalStateException(recordType.getSimpleName() + "." + component.getName()
                            + " is a primitive, which is always present: make it a reference type to be optional");
                }
                continue;
            }
            Method accessor = component.getAccessor();
            accessor.trySetAccessible();
            components.add(new Component(component.getName(), accessor, !optional,
                    check(component.getGenericType(), eventType, visiting)));
        }
        visiting.remove(recordType);
        return new RecordCheck(components);
    }

    private static boolean isOptional(RecordComponent component, Class<? extends Event> eventType) {
        OptionalField optional = component.getAnnotation(OptionalField.class);
        return optional != null && (optional.in().length == 0 || Arrays.asList(optional.in()).contains(eventType));
    }

    /** Collects the paths of the required fields that a value lacks. */
    private interface Check {
        void collect(Object value, String path, List<String> missing);
    }

    private record Component(String name, Method accessor, boolean required, Check check) {
    }

    private record RecordCheck(List<Component> components) implements Check {

        @Override
        public void collect(Object value, String path, List<String> missing) {
            for (Component component : components) {
                String componentPath = path.isEmpty() ? component.name : path + "." + component.name;
                Object componentValue = valueOf(component, value);
                if (componentValue == null) {
                    if (component.required) {
                        missing.add(componentPath);
                    }
                } else if (component.check != null) {
                    component.check.collect(componentValue, componentPath, missing);
                }
            }
        }

        private static Object valueOf(Component component, Object record) {
            try {
                return component.accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "."
                        + component.name, e);
            }
        }
    }

    /** A list is never holey: an absent element is missing even in an optional list. */
    private record CollectionCheck(Check elementCheck) implements Check {

        @Override
        public void collect(Object value, String path, List<String> missing) {
            int index = 0;
            for (Object element : (Collection<?>) value) {
                String elementPath = path + "[" + index++ + "]";
                if (element == null) {
                    missing.add(elementPath);
                } else if (elementCheck != null) {
                    elementCheck.collect(element, elementPath, missing);
                }
            }
        }
    }
}
