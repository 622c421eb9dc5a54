package org.ordercycle.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The tests' clock: the real time, moved by what a test sets (and sets back in a finally block). */
public class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    public static void move(Duration by) {
        offset = by;
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    /** Makes the test clock the service's Clock (the kit's is a default bean). */
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
