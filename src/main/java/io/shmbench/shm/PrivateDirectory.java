package io.shmbench.shm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A directory only this user can enter (0700), {@code <parent>/shmbench-<kind>-<pid>-<random>} with
 * {@code java.io.tmpdir} as the default parent, for FIFOs, socket files, queue files and logs;
 * {@code clean} ({@link Leftovers}) finds those of dead processes by name.
 *
 * <p>It lives in {@code shm} rather than {@code transport} so that the transports, the mapped queue
 * and {@link Leftovers} share one way to create and to remove such a directory.
 */
public final class PrivateDirectory implements AutoCloseable {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private final Path path;

    private PrivateDirectory(Path path) {
        this.path = path;
    }

    /**
     * Creates a new private directory under {@code java.io.tmpdir}.
     *
     * @throws UncheckedIOException when it cannot be created; the message names the directory
     */
    public static PrivateDirectory create(String kind) {
        Path parent = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            return create(parent, kind);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create private directory under " + parent + ": " + e, e);
        }
    }

    /**
     * Creates a new private directory under {@code parent}, exclusively: an existing entry of that
     * name fails with {@link java.nio.file.FileAlreadyExistsException}, so callers can tell that apart.
     */
    public static PrivateDirectory create(Path parent, String kind) throws IOException {
        Path path = parent.resolve(SuiteName.fresh(kind).toString());
        Files.createDirectory(path, OWNER_ONLY);
        return new PrivateDirectory(path);
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Removes the directory and everything in it. Idempotent. */
    @Override
    public void close() {
        delete(path);
    }

    /**
     * Removes a file or directory tree; a missing one is fine.
     *
     * @throws UncheckedIOException when something in it cannot be removed
     */
    public static void delete(Path root) {
        try {
            deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes a file or directory tree; a missing one is fine, and so are entries that vanish while
     * it walks (another process cleaning up the same tree). {@link Files#walkFileTree(Path,
     * java.nio.file.FileVisitor)} does not follow links, so a link inside is removed as a link and
     * its target stays untouched.
     */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
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
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException ignored) {
            // removed meanwhile
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
