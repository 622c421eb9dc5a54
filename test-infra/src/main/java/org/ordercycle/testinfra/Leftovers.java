package org.ordercycle.testinfra;

/**
 * Servers left behind by JVMs that are gone (a launcher or test run killed with {@code kill -9}): PostgreSQL
 * survives its parent, since pg_ctl starts it detached. Every server start stops them anyway; a caller that checks
 * its ports first (the local launcher) calls this before.
 */
public final class Leftovers {

    private Leftovers() {
    }

    /** Stops the servers and removes the temporary folders of JVMs that are no longer alive. */
    public static void stop() {
        PidRegistry.sweepLeftovers();
    }
}
