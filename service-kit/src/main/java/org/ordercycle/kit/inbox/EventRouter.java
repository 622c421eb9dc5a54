package org.ordercycle.kit.inbox;

import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ordercycle.events.Event;
import org.ordercycle.events.EventCatalog;
import org.ordercycle.events.EventType;

/**
 * Knows which {@code on(...)} methods of the service's {@link EventHandlers} react to which event type. Built at
 * start, so a handler for an event outside the catalog fails the start instead of a delivery.
 */
@Startup
@ApplicationScoped
public class EventRouter {

    /** One handler method bound to its bean. */
    public record Handler(Object bean, Method method) {

        void handle(Event event) {
            try {
                method.invoke(bean, event);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName();
        }
    }

    private final Map<String, List<Handler>> handlersByType = new HashMap<>();

    EventRouter(@Any Instance<EventHandlers> beans) {
        for (Instance.Handle<EventHandlers> bean : beans.handles()) {
            Class<?> beanClass = bean.getBean().getBeanClass();
            Object target = ClientProxy.unwrap(bean.get());
            List<Method> methods = handlerMethods(beanClass);
            if (methods.isEmpty()) {
                throw new IllegalStateException(beanClass.getName()
                        + " implements EventHandlers but has no on(SomeEvent) method");
            }
            for (Method method : methods) {
                EventType<?> type = EventCatalog.of(method.getParameterTypes()[0].asSubclass(Event.class));
                method.setAccessible(true);
                handlersByType.computeIfAbsent(type.name(), name -> new ArrayList<>()).add(new Handler(target, method));
            }
        }
    }

    /** The handlers of an event type, in no particular order; empty if this service does not react to it. */
    public List<Handler> handlersOf(String eventType) {
        return handlersByType.getOrDefault(eventType, List.of());
    }

    private static List<Method> handlerMethods(Class<?> beanClass) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals("on") && method.getParameterCount() == 1
                        && Event.class.isAssignableFrom(method.getParameterTypes()[0])
                        && !method.isBridge() && !method.isSynthetic() && !Modifier.isStatic(method.getModifiers())) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }
}
