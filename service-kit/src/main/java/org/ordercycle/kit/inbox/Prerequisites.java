package org.ordercycle.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Lets a handler say that a fact other events may be waiting for has arrived, e.g. in the handler of
 * {@code OrderAccepted}: {@code prerequisites.arrived("order-accepted", event.orderId())}. Once the handler's
 * transaction has committed, the kit applies the events parked for it, oldest first (see
 * {@link PrerequisiteMissing}). A periodic sweep retries parked events too, so a prerequisite announced just before
 * a crash is not waited for forever.
 */
@ApplicationScoped
public class Prerequisites {

    private static final ThreadLocal<Set<String>> ARRIVED = ThreadLocal.withInitial(LinkedHashSet::new);
    private static final ThreadLocal<Set<String>> PARKED_FOR = ThreadLocal.withInitial(LinkedHashSet::new);

    static String name(String kind, Object id) {
        return kind + ":" + id;
    }

    public void arrived(String kind, Object id) {
        ARRIVED.get().add(name(kind, id));
    }

    /** What arrived on this thread since the last call; the dispatcher takes it after each commit or rollback. */
    static Set<String> takeArrived() {
        return take(ARRIVED);
    }

    /** An event was parked on this thread waiting for {@code prerequisite}. */
    static void parkedFor(String prerequisite) {
        PARKED_FOR.get().add(prerequisite);
    }

    /**
     * What events were parked for on this thread since the last call. The dispatcher looks once more after they
     * committed: a prerequisite that committed in another consumer's transaction while this one was parking found
     * nothing parked yet, and would otherwise wait for the periodic sweep.
     */
    static Set<String> takeParkedFor() {
        return take(PARKED_FOR);
    }

    private static Set<String> take(ThreadLocal<Set<String>> names) {
        Set<String> taken = names.get();
        if (taken.isEmpty()) {
            return Set.of();
        }
        names.remove();
        return taken;
    }
}
