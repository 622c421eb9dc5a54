package org.ordercycle.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Billing tests' clock: the real time, moved by what a test sets (and moves back in a finally block). */
public class BillingTestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    private final ZoneId zone;

    BillingTestClock(ZoneId zone) {
        this.zone = zone;
    }

    public static void move(Duration by) {
        offset = by;
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    /** Replaces the kit's default clock in every billing test. */
    @ApplicationScoped
    static class Producer {
        @Produces
        @ApplicationScoped
        Clock clock() {
            return new BillingTestClock(ZoneOffset.UTC);
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new BillingTestClock(other);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
