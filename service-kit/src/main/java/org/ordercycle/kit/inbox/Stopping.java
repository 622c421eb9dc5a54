package org.ordercycle.kit.inbox;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Whether the service is shutting down. While it stops, its persistence unit and pools close under the consumers'
 * feet: a handler failing then says nothing about the event, so such a failure must neither count towards
 * dead-lettering nor be retried until it does — the poll is left unacknowledged and delivered again after the restart.
 */
@ApplicationScoped
public class Stopping {

    private volatile boolean stopping;

    /** Before anything closes: ShutdownEvent observers run before the extensions' shutdown tasks. */
    public void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    /** For tests that simulate a shutdown in a running application. */
    public void resume() {
        stopping = false;
    }

    public boolean isStopping() {
        return stopping;
    }
}
