package org.ordercycle.sales;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The sales tests' clock: the real time, moved by whatever a test sets. Replaces the kit's default Clock. */
public class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    /** Moves every sales test's "now"; a test moves it back in a finally block. */
    public static void move(Duration by) {
        offset = by;
    }

    /** Makes the test clock the service's Clock. */
    @ApplicationScoped
    static class Producer {
        @Produces
        @ApplicationScoped
        Clock clock() {
            return new TestClock();
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
