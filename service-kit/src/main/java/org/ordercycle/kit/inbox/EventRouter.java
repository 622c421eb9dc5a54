package org.ordercycle.kit.inbox;

import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ordercycle.events.Event;
import org.ordercycle.events.EventCatalog;
import org.ordercycle.events.EventType;
import org.ordercycle.events.Topic;
import org.ordercycle.kit.EventContext;

/**
 * Knows which {@code on(...)} methods of the service's {@link EventHandlers} react to which event type. Built at
 * start, so a handler for an event outside the catalog fails the start instead of a delivery.
 *
 * <p>Every handler has an id, {@code <bean class simple name>.on(<EventType>)}, e.g.
 * {@code ShipmentEventsHandler.on(ShipmentDispatched)}. The inbox remembers applied events per handler id, and a
 * replay names the handlers it delivers to by id (or by bean class simple name for all of a bean's handlers).
 * Renaming a handler's class makes it a new handler as far as the inbox is concerned.
 */
@Startup
@ApplicationScoped
public class EventRouter {

    /**
     * One handler method bound to its bean: {@code on(SomeEvent)}, or a batch handler
     * {@code on(List<Received<SomeEvent>>)} that takes a run of events at once.
     */
    public record Handler(String id, EventType<?> type, Object bean, Method method) {

        /** Whether it takes a run of events at once ({@code on(List<Received<SomeEvent>>)}). */
        public boolean batch() {
            return method != null && method.getParameterTypes()[0] == List.class;
        }

        /** One event, within its context (a batch handler gets it as a list of one). */
        void handle(Event event) {
            if (batch()) {
                call(List.of(new Received<>(event, EventContext.current().orElse(null))));
            } else {
                call(event);
            }
        }

        /** A run of events, for a batch handler. */
        void handleAll(List<Received<Event>> events) {
            if (!batch()) {
                throw new IllegalStateException(id + " takes one event at a time");
            }
            call(events);
        }

        private void call(Object argument) {
            try {
                method.invoke(bean, argument);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new HandlerException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The bean's class name without package, e.g. {@code ShipmentEventsHandler}. */
        public String beanName() {
            return id.substring(0, id.indexOf('.'));
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** A checked exception thrown by a handler method, carried unchanged. */
    static final class HandlerException extends RuntimeException {
        HandlerException(Throwable cause) {
            super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }

    private final Map<String, List<Handler>> handlersByType = new LinkedHashMap<>();
    private final Map<String, Handler> handlersById = new LinkedHashMap<>();

    /** A handler bean: its declared class (not a generated subclass) and the instance to call. */
    record Bean(Class<?> beanClass, Object instance) {
    }

    @Inject
    EventRouter(@Any Instance<EventHandlers> beans) {
        this(beanTargets(beans));
    }

    EventRouter(Collection<Bean> beans) {
        List<Bean> sorted = new ArrayList<>(beans);
        sorted.sort(Comparator.comparing(bean -> bean.beanClass().getName()));
        for (Bean bean : sorted) {
            Class<?> beanClass = bean.beanClass();
            Object target = bean.instance();
            List<Method> methods = handlerMethods(beanClass);
            if (methods.isEmpty()) {
                throw new IllegalStateException(beanClass.getName()
                        + " implements EventHandlers but has no on(SomeEvent) method");
            }
            for (Method method : methods) {
                EventType<?> type = EventCatalog.of(eventClassOf(method));
                method.setAccessible(true);
                String id = beanClass.getSimpleName() + ".on(" + type.name() + ")";
                Handler handler = new Handler(id, type, target, method);
                Handler before = handlersById.putIfAbsent(id, handler);
                if (before != null && before.method().getDeclaringClass() == method.getDeclaringClass()) {
                    throw new IllegalStateException(beanClass.getName() + " reacts to " + type.name()
                            + " both one at a time and as a batch: keep one of the two on(...) methods");
                }
                if (before != null) {
                    throw new IllegalStateException("two event handlers are named " + id
                            + ": handler classes of one service need distinct simple names");
                }
                handlersByType.computeIfAbsent(type.name(), name -> new ArrayList<>()).add(handler);
            }
        }
    }

    private static List<Bean> beanTargets(Instance<EventHandlers> beans) {
        List<Bean> targets = new ArrayList<>();
        for (Instance.Handle<EventHandlers> bean : beans.handles()) {
            targets.add(new Bean(bean.getBean().getBeanClass(), ClientProxy.unwrap(bean.get())));
        }
        return targets;
    }

    /** The handlers of an event type, in a stable order; empty if this service does not react to it. */
    public List<Handler> handlersOf(String eventType) {
        return handlersByType.getOrDefault(eventType, List.of());
    }

    public Optional<Handler> handler(String id) {
        return Optional.ofNullable(handlersById.get(id));
    }

    public Collection<Handler> handlers() {
        return handlersById.values();
    }

    /**
     * The handlers on a topic that a name selects: a handler id, or a bean class simple name for all its handlers
     * on that topic. Empty when the name matches none.
     */
    public List<Handler> select(Topic topic, String name) {
        return handlersById.values().stream()
                .filter(handler -> handler.type().topic() == topic)
                .filter(handler -> handler.id().equals(name) || handler.beanName().equals(name))
                .toList();
    }

    private static List<Method> handlerMethods(Class<?> beanClass) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals("on") && method.getParameterCount() == 1 && eventClassOf(method) != null
                        && !method.isBridge() && !method.isSynthetic() && !Modifier.isStatic(method.getModifiers())) {
                    methods.add(method);
                }
            }
        }
        methods.sort(Comparator.comparing(method -> eventClassOf(method).getSimpleName()));
        return methods;
    }

    /**
     * The event type a handler method takes: {@code on(SomeEvent)} or {@code on(List<Received<SomeEvent>>)}; null
     * for any other method.
     */
    private static Class<? extends Event> eventClassOf(Method method) {
        Class<?> parameter = method.getParameterTypes()[0];
        if (Event.class.isAssignableFrom(parameter)) {
            return parameter.asSubclass(Event.class);
        }
        if (parameter == List.class
                && method.getGenericParameterTypes()[0] instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof ParameterizedType received
                && received.getRawType() == Received.class
                && received.getActualTypeArguments()[0] instanceof Class<?> event
                && Event.class.isAssignableFrom(event)) {
            return event.asSubclass(Event.class);
        }
        return null;
    }
}
