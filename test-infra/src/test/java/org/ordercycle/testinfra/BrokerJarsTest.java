package org.ordercycle.testinfra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker's classpath names no path of the build machine: it resolves wherever this library's jar goes. */
class BrokerJarsTest {

    private static final String PACKAGE = "org/ordercycle/testinfra/";

    @Test
    void listingNamesJarsInsideThisLibraryNotInTheMavenRepository() {
        String listing = BrokerJars.listing(BrokerJars.class.getClassLoader());

        List<String> entries = BrokerJars.entries(listing);
        assertTrue(entries.stream().anyMatch(entry -> entry.startsWith("kafka-broker/kafka_2.13-")), listing);
        for (String entry : entries) {
            assertFalse(Path.of(entry).isAbsolute(), entry);
            assertTrue(entry.startsWith("kafka-broker/") && entry.endsWith(".jar"), entry);
        }
        String repository = System.getProperty("user.home") + "/.m2";
        assertFalse(listing.contains(repository), "no path into the Maven repository: " + listing);
    }

    /**
     * As in the launcher's lib folder or a module that depends on the packaged library: the jars come out of the
     * library's jar into the cache folder, with no Maven repository involved.
     */
    @Test
    void packagedLibraryResolvesTheJarsIntoTheCacheFolder(@TempDir Path elsewhere) throws Exception {
        List<Path> original = BrokerJars.files();
        Path packaged = elsewhere.resolve("test-infra.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(packaged))) {
            add(jar, PACKAGE + BrokerJars.LISTING, BrokerJars.listing(BrokerJars.class.getClassLoader()).getBytes());
            for (Path file : original) {
                add(jar, PACKAGE + "kafka-broker/" + file.getFileName(), Files.readAllBytes(file));
            }
        }
        Path cache = Files.createDirectory(elsewhere.resolve("cache"));

        List<Path> resolved;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {packaged.toUri().toURL()}, null)) {
            resolved = BrokerJars.files(loader, cache);
            assertEquals(resolved, BrokerJars.files(loader, cache), "a second resolution reuses the copy");
        }

        assertEquals(original.size(), resolved.size());
        for (int i = 0; i < resolved.size(); i++) {
            assertTrue(resolved.get(i).startsWith(cache), resolved.get(i).toString());
            assertEquals(original.get(i).getFileName(), resolved.get(i).getFileName(), "classpath order is kept");
            assertEquals(Files.size(original.get(i)), Files.size(resolved.get(i)));
        }
        try (var left = Files.list(cache)) {
            assertEquals(1, left.count(), "one complete folder, no half-copied one");
        }
    }

    /** What a started broker really ran with: its java argument file. */
    @Test
    void startedBrokerRanFromNoMavenRepository() throws Exception {
        String args = Files.readString(TestInfra.kafka().dir().resolve("java-classpath.args"));
        assertTrue(args.contains("kafka_2.13-"), args);
        assertFalse(args.contains("/.m2/"), args);
        String repository = System.getProperty("maven.repo.local");
        if (repository != null) {
            assertFalse(args.contains(repository), args);
        }
    }

    private static void add(JarOutputStream jar, String name, byte[] bytes) throws Exception {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(bytes);
        jar.closeEntry();
    }
}
