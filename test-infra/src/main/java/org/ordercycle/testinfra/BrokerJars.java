package org.ordercycle.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Kafka broker's jars, as files a child JVM can put on its classpath.
 *
 * <p>The build copies them into this library, into the resource folder {@code kafka-broker/} beside this class, and
 * lists them in the resource {@value #LISTING} by name relative to this package ({@code kafka-broker/x.jar:...}).
 * No path of the build machine is recorded, so the broker starts whatever {@code -Dmaven.repo.local} the build
 * used, after the Maven repository moved or was emptied, offline, and from the launcher's {@code lib} folder.
 *
 * <p>From a folder ({@code target/classes}) the jars are used where they are. From a jar (every module that
 * depends on this library, the launcher) they are copied once into the private working folder ({@link Dirs#root()}),
 * into a folder named after the listing's hash, which later JVMs reuse.
 */
final class BrokerJars {

    static final String LISTING = "kafka-broker.classpath";
    private static final String PACKAGE = BrokerJars.class.getPackageName().replace('.', '/') + "/";

    private BrokerJars() {
    }

    /** The broker's jars, from this library's own resources. */
    static List<Path> files() {
        return files(BrokerJars.class.getClassLoader(), Dirs.root());
    }

    /** The broker's jars, from the resources {@code loader} sees; copies go into {@code cacheRoot}. */
    static List<Path> files(ClassLoader loader, Path cacheRoot) {
        String listing = listing(loader);
        List<String> entries = entries(listing);
        URL first = loader.getResource(PACKAGE + entries.get(0));
        if (first == null) {
            throw new ServerStartException("Kafka broker jar " + entries.get(0) + " is missing beside "
                    + LISTING + ": rebuild test-infra with Maven");
        }
        if ("file".equals(first.getProtocol())) {
            return inPlace(loader, entries);
        }
        Path folder = cacheRoot.resolve("kafka-broker-" + sha256(listing).substring(0, 16));
        synchronized (JvmWide.lock("broker-jars:" + folder)) {
            if (!Files.isDirectory(folder)) {
                extract(loader, entries, cacheRoot, folder);
            }
        }
        return entries.stream().map(entry -> folder.resolve(fileName(entry))).toList();
    }

    /** The listing as the build wrote it; every entry is a relative name inside this package. */
    static List<String> entries(String listing) {
        List<String> entries = new ArrayList<>();
        for (String entry : listing.trim().split(":")) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.startsWith("/") || entry.contains("..") || entry.contains("\\")) {
                throw new ServerStartException("Kafka broker classpath entry " + entry
                        + " is not a name inside test-infra: rebuild test-infra with Maven");
            }
            entries.add(entry.trim());
        }
        if (entries.isEmpty()) {
            throw new ServerStartException("Kafka broker classpath " + LISTING + " is empty: rebuild test-infra with Maven");
        }
        return entries;
    }

    static String listing(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(PACKAGE + LISTING)) {
            if (in == null) {
                throw new ServerStartException("Kafka broker classpath resource " + LISTING
                        + " is missing: build test-infra with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + LISTING, e);
        }
    }

    private static List<Path> inPlace(ClassLoader loader, List<String> entries) {
        List<Path> jars = new ArrayList<>();
        for (String entry : entries) {
            URL url = loader.getResource(PACKAGE + entry);
            if (url == null) {
                throw new ServerStartException("Kafka broker jar " + entry + " is missing: rebuild test-infra with Maven");
            }
            try {
                jars.add(Path.of(url.toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException("Unexpected resource URL " + url, e);
            }
        }
        return jars;
    }

    /**
     * Copies into a temporary folder, then renames it: a folder under its final name is always complete. Two JVMs
     * extracting at once both succeed; the second rename loses and its copy is deleted.
     */
    private static void extract(ClassLoader loader, List<String> entries, Path cacheRoot, Path folder) {
        Path temp = PidRegistry.temporaryFolder(cacheRoot, "kafka-broker-extracting-");
        try {
            for (String entry : entries) {
                try (InputStream in = loader.getResourceAsStream(PACKAGE + entry)) {
                    if (in == null) {
                        throw new ServerStartException("Kafka broker jar " + entry + " is missing: rebuild test-infra with Maven");
                    }
                    Files.copy(in, temp.resolve(fileName(entry)));
                }
            }
            try {
                Files.move(temp, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherJvmWasFaster) {
                // its copy is as good as ours
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the Kafka broker's jars to " + folder, e);
        } finally {
            Dirs.deleteRecursively(temp);
            PidRegistry.unregisterFolder(temp);
        }
    }

    private static String fileName(String entry) {
        return entry.substring(entry.lastIndexOf('/') + 1);
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
