package org.ordercycle.testinfra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a main class from the Kafka broker's jars in a child JVM, under {@link ParentWatchdog} so the
 * child ends when this JVM ends.
 *
 * <p>The broker's jars ship inside this library ({@link BrokerJars}, written at build time, see this module's
 * pom.xml). They are never on this JVM's classpath, so the broker's dependencies cannot clash with Quarkus'.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Starts {@code mainClass args} with stdout and stderr appended to {@code logFile}. The returned process's
     * stdin stays open until the process ends (a daemon thread holds it): closing it would stop the child.
     */
    static Process start(Path workDir, Path logFile, List<String> jvmOptions, String mainClass, List<String> args) {
        return start(workDir, logFile, Map.of(), jvmOptions, brokerJars(), mainClass, args);
    }

    /** As above, with the given jars as classpath and extra environment variables. */
    static Process start(Path workDir, Path logFile, Map<String, String> environment, List<String> jvmOptions,
            List<String> jars, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("@" + classpathArgFile(workDir, jars));
        command.add(ParentWatchdog.class.getName());
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            holdStdinOpen(process);
            return process;
        } catch (IOException e) {
            throw new ServerStartException("Could not start a JVM for " + mainClass + ": " + e.getMessage(), e);
        }
    }

    /**
     * The child's stdin pipe must stay open while it runs, even when the handle that started it is garbage
     * collected (e.g. with a discarded Quarkus class loader): an unreachable {@link Process} would have its
     * pipe closed, and the watchdog would stop the broker. A live thread keeps the process reachable.
     */
    private static void holdStdinOpen(Process process) {
        Thread holder = new Thread(() -> awaitQuietly(process), "ordercycle-child-jvm-" + process.pid());
        holder.setDaemon(true);
        holder.start();
    }

    private static void awaitQuietly(Process process) {
        while (process.isAlive()) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                // keep holding: only the child's end may release the pipe
            }
        }
    }

    /**
     * The classpath (some 4 KB of jar paths) goes into a java argument file: the JDK reads only the first 4 KB
     * of another process's command line, and the main class behind it must stay visible there, because
     * {@link PidRegistry} recognises our child by it.
     */
    private static Path classpathArgFile(Path workDir, List<String> jars) {
        Path file = workDir.resolve("java-classpath.args");
        try {
            Files.writeString(file, "-cp \"" + classpath(jars) + "\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        return file;
    }

    private static String classpath(List<String> jars) {
        List<String> entries = new ArrayList<>();
        entries.add(watchdogFolder().toString());
        entries.addAll(jars);
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> brokerJars() {
        return BrokerJars.files().stream().map(Path::toString).toList();
    }

    /**
     * A folder holding only ParentWatchdog.class. It is copied out of whatever this class was loaded from
     * (a jar, target/classes, or a Quarkus class loader that has no file at all) into the per-user private
     * working folder (never a shared, world-writable one: the child JVM runs what it finds there), named after
     * its content so that different versions never overwrite each other.
     */
    static Path watchdogFolder() {
        String resource = ParentWatchdog.class.getSimpleName() + ".class";
        byte[] bytes;
        try (InputStream in = ParentWatchdog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not found next to " + ChildJvm.class.getName());
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
        Path folder = Dirs.root().resolve("watchdog-" + BrokerJars.sha256(bytes).substring(0, 16));
        Path classFile = folder.resolve(ParentWatchdog.class.getName().replace('.', '/') + ".class");
        if (!Files.exists(classFile)) {
            try {
                Files.createDirectories(classFile.getParent());
                Path temp = Files.createTempFile(classFile.getParent(), "watchdog", ".tmp");
                Files.write(temp, bytes);
                Files.move(temp, classFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + classFile, e);
            }
        }
        return folder;
    }
}
