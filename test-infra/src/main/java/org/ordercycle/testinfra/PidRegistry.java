package org.ordercycle.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers the server processes and temporary folders of this JVM in {@code <working folder>/<jvm pid>.pids}
 * (the per-user private folder of {@link Dirs#root()}), so that a later JVM can clean up what a killed one left
 * behind.
 *
 * <p>The Kafka child JVM stops itself when its parent dies (see {@link ParentWatchdog}), but PostgreSQL is
 * started detached by pg_ctl and survives a {@code kill -9} of the test JVM. Every server start therefore
 * first sweeps the files of JVMs that are gone: it stops their servers (only if the pid still runs a
 * PostgreSQL or our Kafka child, so a reused pid is never hit) and deletes their temporary folders.
 *
 * <p>File format, one entry per line: {@code parent-start <epoch millis>} (tells our JVM from a later
 * process with the same pid), {@code process <kind> <pid>}, {@code folder <path>}.
 */
final class PidRegistry {

    /** A kind of server process: how to recognise it and how to ask it to stop. */
    enum Kind {
        POSTGRES(Processes.StopRequest.INTERRUPT) {
            @Override
            boolean matches(ProcessHandle process) {
                return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
            }
        },
        KAFKA(Processes.StopRequest.TERMINATE) {
            @Override
            boolean matches(ProcessHandle process) {
                return Processes.commandLine(process).contains(ParentWatchdog.class.getName());
            }
        };

        private final Processes.StopRequest stopRequest;

        Kind(Processes.StopRequest stopRequest) {
            this.stopRequest = stopRequest;
        }

        abstract boolean matches(ProcessHandle process);
    }

    private static final String PARENT_START = "parent-start ";
    private static final String PROCESS = "process ";
    private static final String FOLDER = "folder ";
    private static final String SUFFIX = ".pids";
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(10);

    private PidRegistry() {
    }

    static void registerProcess(Kind kind, long pid) {
        add(PROCESS + kind + " " + pid);
    }

    static void unregisterProcess(Kind kind, long pid) {
        remove(PROCESS + kind + " " + pid);
    }

    /** A new temporary folder for a server, deleted by a later sweep if this JVM dies without closing the server. */
    static Path temporaryFolder(String prefix) {
        return temporaryFolder(Dirs.root(), prefix);
    }

    /** As above, in {@code parent}; a later sweep deletes it only if {@code parent} is inside the working folder. */
    static Path temporaryFolder(Path parent, String prefix) {
        Path folder = Dirs.createTemp(parent, prefix);
        add(FOLDER + folder.toAbsolutePath());
        return folder;
    }

    static void unregisterFolder(Path folder) {
        remove(FOLDER + folder.toAbsolutePath());
    }

    /** Stops the servers of JVMs that are gone and deletes their temporary folders. */
    static void sweepLeftovers() {
        synchronized (JvmWide.lock("pid-registry")) {
            for (Path file : pidFiles()) {
                if (!isOwn(file) && !parentIsAlive(file)) {
                    cleanUpAfter(file);
                }
            }
        }
    }

    private static void add(String entry) {
        synchronized (JvmWide.lock("pid-registry")) {
            Path file = ownFile();
            List<String> lines = readLines(file);
            if (lines.isEmpty()) {
                lines.add(PARENT_START + startMillis(ProcessHandle.current()));
            }
            lines.add(entry);
            write(file, lines);
        }
    }

    private static void remove(String entry) {
        synchronized (JvmWide.lock("pid-registry")) {
            Path file = ownFile();
            List<String> lines = readLines(file);
            lines.remove(entry);
            write(file, lines);
        }
    }

    /** Processes first: a folder can only go once its server no longer writes to it. */
    private static void cleanUpAfter(Path file) {
        List<String> lines = readLines(file);
        for (String line : lines) {
            if (line.startsWith(PROCESS)) {
                stopLeftover(line.substring(PROCESS.length()));
            }
        }
        for (String line : lines) {
            if (line.startsWith(FOLDER)) {
                Path folder = Path.of(line.substring(FOLDER.length())).normalize();
                if (folder.startsWith(Dirs.root()) && !folder.equals(Dirs.root())) { // only what we made there
                    Dirs.deleteRecursively(folder);
                }
            }
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file, e);
        }
    }

    /** {@code "<kind> <pid>"}: stopped only if that pid still runs a server of that kind. */
    private static void stopLeftover(String kindAndPid) {
        String[] parts = kindAndPid.split(" ");
        try {
            Kind kind = Kind.valueOf(parts[0]);
            Processes.alive(Long.parseLong(parts[1]))
                    .filter(kind::matches)
                    .ifPresent(process -> Processes.stop(process, kind.stopRequest, LEFTOVER_GRACE));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            // not a line we wrote: ignore it
        }
    }

    private static boolean parentIsAlive(Path file) {
        String name = file.getFileName().toString();
        long pid;
        try {
            pid = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return true; // not ours: leave it alone
        }
        String recordedStart = readLines(file).stream()
                .filter(line -> line.startsWith(PARENT_START))
                .map(line -> line.substring(PARENT_START.length()).trim())
                .findFirst().orElse("");
        return Processes.alive(pid).map(process -> startMillis(process).equals(recordedStart)).orElse(false);
    }

    private static String startMillis(ProcessHandle process) {
        return process.info().startInstant().map(instant -> Long.toString(instant.toEpochMilli())).orElse("?");
    }

    private static boolean isOwn(Path file) {
        return file.equals(ownFile());
    }

    private static Path ownFile() {
        return Dirs.root().resolve(ProcessHandle.current().pid() + SUFFIX);
    }

    private static List<Path> pidFiles() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(Dirs.root(), "*" + SUFFIX)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + Dirs.root(), e);
        }
        return files;
    }

    private static List<String> readLines(Path file) {
        try {
            return new ArrayList<>(Files.readAllLines(file));
        } catch (IOException e) { // absent
            return new ArrayList<>();
        }
    }

    /** Writes atomically, so a JVM sweeping at the same time never reads half a file. */
    private static void write(Path file, List<String> lines) {
        try {
            if (lines.size() <= 1) { // only the parent line left: nothing to clean up after this JVM
                Files.deleteIfExists(file);
                return;
            }
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, lines);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
