package org.ordercycle.testinfra;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * PostgreSQL for every supported platform is on the classpath: zonky picks {@code postgres-<os>-<arch>.txz} for the
 * machine it runs on (only Linux x86-64 runs here; the others are checked to be present).
 */
class PlatformsTest {

    @Test
    void postgresBinariesForLinuxAndMacOsOnX86AndArmAreOnTheClasspath() {
        for (String binaries : new String[] {"postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz",
                "postgres-darwin-x86_64.txz", "postgres-darwin-arm_64.txz"}) {
            assertNotNull(PlatformsTest.class.getClassLoader().getResource(binaries), binaries + " is missing");
        }
    }
}
