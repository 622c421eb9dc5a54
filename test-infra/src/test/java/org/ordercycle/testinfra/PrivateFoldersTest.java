package org.ordercycle.testinfra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What child JVMs execute (the watchdog class, the broker's jars) and what a later run acts on (pid files) lives in
 * a folder only its user can read and write, never in a shared one.
 */
class PrivateFoldersTest {

    @Test
    void workingFolderBelongsToTheUserAloneAndHoldsTheWatchdogAndThePidFiles() throws Exception {
        Path root = Dirs.root();

        assertTrue(root.getFileName().toString().endsWith("-" + System.getProperty("user.name")), root.toString());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root, LinkOption.NOFOLLOW_LINKS)));
        assertTrue(ChildJvm.watchdogFolder().startsWith(root), "the watchdog class is loaded from " + ChildJvm.watchdogFolder());
        Path folder = PidRegistry.temporaryFolder("private-test-");
        try {
            assertTrue(folder.startsWith(root));
            assertTrue(Files.exists(root.resolve(ProcessHandle.current().pid() + ".pids")), "this JVM's pid file");
        } finally {
            Dirs.deleteRecursively(folder);
            PidRegistry.unregisterFolder(folder);
        }
    }

    @Test
    void folderOthersCouldWriteToIsRefused(@TempDir Path parent) throws Exception {
        Path shared = Files.createDirectory(parent.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        ServerStartException error = assertThrows(ServerStartException.class, () -> Dirs.privateFolder(shared));
        assertEquals("The test-infra working folder " + shared + " has permissions rwxrwxrwx instead of rwx------:"
                + " others could plant code or files there; remove it and start again", error.getMessage());

        Path link = Files.createSymbolicLink(parent.resolve("link"), Files.createDirectory(parent.resolve("target")));
        assertThrows(ServerStartException.class, () -> Dirs.privateFolder(link));

        Path fresh = Dirs.privateFolder(parent.resolve("fresh"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    /** A pid file can name any folder; the sweep deletes only folders inside the working folder. */
    @Test
    void sweepDeletesNoFolderOutsideTheWorkingFolder(@TempDir Path elsewhere) throws Exception {
        Path precious = Files.createDirectory(elsewhere.resolve("precious"));
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gone.waitFor();
        Path pidFile = Dirs.root().resolve(gone.pid() + ".pids");
        Files.write(pidFile, List.of("parent-start 1", "folder " + precious));

        PidRegistry.sweepLeftovers();

        assertTrue(Files.exists(precious), "a folder outside the working folder is never deleted");
        assertTrue(Files.notExists(pidFile), "the dead JVM's pid file is gone");
    }
}
