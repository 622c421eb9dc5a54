package org.ordercycle.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The library's working folder, temporary server folders, and their removal.
 *
 * <p>The working folder holds what this library later executes or trusts: the watchdog class and the Kafka
 * broker's jars that child JVMs load, and the pid files whose processes and folders a later run stops and
 * deletes. A folder other users could write to would let them plant code or make us delete their choice of
 * folders, so it is per user ({@code ${java.io.tmpdir}/ordercycle-test-infra-<user>}), created {@code rwx------},
 * and refused with a one-line reason when it exists with another owner, wider permissions or as a link.
 */
final class Dirs {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final String ROOT_PROPERTY = TestInfra.PROPERTY_PREFIX + "root";

    private Dirs() {
    }

    /** The per-user private working folder: pid files, ephemeral server folders, the watchdog class, the broker's jars. */
    static Path root() {
        synchronized (JvmWide.lock("dirs-root")) {
            String checked = System.getProperty(ROOT_PROPERTY);
            if (checked != null && Files.isDirectory(Path.of(checked), LinkOption.NOFOLLOW_LINKS)) {
                return Path.of(checked);
            }
            Path root = privateFolder(Path.of(System.getProperty("java.io.tmpdir"))
                    .resolve("ordercycle-test-infra-" + safeUserName()));
            System.setProperty(ROOT_PROPERTY, root.toString()); // checked once per JVM, whatever the class loader
            return root;
        }
    }

    /**
     * {@code dir}, created {@code rwx------} if absent; if present it must be a real folder (not a link) owned by
     * this user that nobody else can read or write. Non-POSIX file systems (Windows, not supported) skip the checks.
     */
    static Path privateFolder(Path dir) {
        Path absolute = dir.toAbsolutePath();
        try {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException exists) {
            // checked below
        } catch (UnsupportedOperationException notPosix) {
            return createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + absolute, e);
        }
        requirePrivate(absolute);
        return absolute;
    }

    private static void requirePrivate(Path dir) {
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        try {
            PosixFileAttributes attributes = view.readAttributes();
            UserPrincipal me = currentUser(dir.getParent());
            String problem = !attributes.isDirectory() ? "is not a folder (a link?)"
                    : !attributes.owner().equals(me) ? "belongs to " + attributes.owner().getName()
                    : !attributes.permissions().equals(OWNER_ONLY) ? "has permissions "
                            + PosixFilePermissions.toString(attributes.permissions()) + " instead of rwx------"
                    : null;
            if (problem != null) {
                throw new ServerStartException("The test-infra working folder " + dir + " " + problem
                        + ": others could plant code or files there; remove it and start again");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check the permissions of " + dir, e);
        }
    }

    /** Who owns what this JVM creates (user.name may have no entry in the user database, e.g. in a container). */
    private static UserPrincipal currentUser(Path writableFolder) throws IOException {
        Path probe = Files.createTempFile(writableFolder, "ordercycle-owner-", ".probe");
        try {
            return Files.getOwner(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    static Path createTemp(String prefix) {
        return createTemp(root(), prefix);
    }

    static Path createTemp(Path parent, String prefix) {
        try {
            return Files.createTempDirectory(parent, prefix); // rwx------ like every temporary folder
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary folder in " + parent, e);
        }
    }

    static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
    }

    /** Deletes a folder tree; a folder that is already gone is fine. */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }

    /** The user name as a file name: letters, digits, '.', '_' and '-' only. */
    private static String safeUserName() {
        return System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
