package io.shmbench.testutil;

import io.shmbench.shm.SharedSegment;
import io.shmbench.shm.SuiteName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Hand-made files in the segment directory for bad-input tests, named like the suite's own. */
public final class ShmFiles {
    private ShmFiles() {
    }

    /** A fresh, unused path {@code <segment dir>/shmbench-test-<pid>-<random>} (nothing is created). */
    public static Path freshPath() {
        return SharedSegment.DEFAULT_DIR.resolve(SuiteName.fresh("test").toString());
    }

    /** Removes a file, symlink or empty directory if it is there; never follows a symlink. */
    public static void delete(Path path) {
        try {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete test file " + path, e);
        }
    }
}
