package org.ordercycle.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ports the launcher chooses for its services. */
class PortsTest {

    /**
     * A service binds its port only when its JVM has started, so between two choices the first port is still unbound
     * and the operating system may offer it again. 2,000 choices from ~28,000 ephemeral ports repeat one almost surely
     * when nothing prevents it.
     */
    @Test
    void aPortIsNeverHandedOutTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            int port = Ports.free();
            assertTrue(ports.add(port), "port " + port + " handed out again after " + i + " choices");
        }
    }
}
