package org.ordercycle.kit.testing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Reads the kit's counters ({@code ordercycle.events.handled}, {@code …duplicates}, {@code …skipped}, …) in tests. */
public final class KitMetrics {

    private KitMetrics() {
    }

    /** The sum of the counters named {@code name} with the given tag key/value pairs; 0 while none exists yet. */
    public static double count(MeterRegistry metrics, String name, String... tags) {
        return metrics.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }
}
