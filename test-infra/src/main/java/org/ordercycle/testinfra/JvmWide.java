package org.ordercycle.testinfra;

/**
 * Monitors shared by every copy of this library in the JVM.
 *
 * <p>Quarkus loads test classes through its own class loaders, so this package's classes (and their
 * static fields) can exist several times in one JVM. Interned strings are JVM-global, whatever class
 * loader asks for them, so an interned key gives all copies the same monitor.
 */
final class JvmWide {

    private JvmWide() {
    }

    static Object lock(String key) {
        return ("org.ordercycle.testinfra:" + key).intern();
    }
}
