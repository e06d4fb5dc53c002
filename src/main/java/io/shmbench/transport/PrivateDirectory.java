package io.shmbench.transport;

import io.shmbench.shm.SuiteName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A directory only this user can enter (0700), {@code java.io.tmpdir/shmbench-<kind>-<pid>-<random>},
 * for FIFOs, socket files, queue files and logs; {@code clean} finds those of dead processes by name.
 */
public final class PrivateDirectory implements AutoCloseable {
    private final Path path;

    private PrivateDirectory(Path path) {
        this.path = path;
    }

    public static PrivateDirectory create(String kind) {
        Path path = Path.of(System.getProperty("java.io.tmpdir")).resolve(SuiteName.fresh(kind).toString());
        try {
            Files.createDirectory(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new ChannelException("cannot create private directory " + path + ": " + e, e);
        }
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

    /** Removes a file or directory tree; a missing one is fine. */
    static void delete(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
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
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException ignored) {
            // removed meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
