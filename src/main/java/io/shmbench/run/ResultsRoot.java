package io.shmbench.run;

import io.shmbench.measure.RunDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** The {@code results/} directory: one directory per run, and {@code latest} pointing at the newest. */
public final class ResultsRoot {
    public static final String LATEST = "latest";
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final DateTimeFormatter DEFAULT_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;

    public ResultsRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Throws when {@code id} cannot name a run directory. */
    public static void validateRunId(String id) {
        if (!RUN_ID.matcher(id).matches() || id.equals(LATEST)) {
            throw new IllegalArgumentException("run id '" + id + "' must be 1-100 letters, digits, '.', '_' or '-', start with "
                    + "a letter or digit, and not be '" + LATEST + "'");
        }
    }

    /** A fresh id from the local time ({@code 20261126-183000}), with a suffix if a run of that second exists. */
    public String newRunId(LocalDateTime now) {
        String base = DEFAULT_ID.format(now);
        String id = base;
        for (int n = 2; Files.exists(root.resolve(id), LinkOption.NOFOLLOW_LINKS); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /**
     * Refuses an id that already names a run: checked before a run waits for anything (the JMH lock),
     * so a usage error is reported as one. {@link #create} checks again.
     */
    public void requireFree(String id) {
        validateRunId(id);
        if (Files.exists(root.resolve(id), LinkOption.NOFOLLOW_LINKS)) {
            throw alreadyExists(root.resolve(id), null);
        }
    }

    /**
     * Refuses a root that cannot be made because a file stands where one of its directories must be:
     * checked before a run waits for anything (the JMH lock), so a usage error is reported as one
     * whoever else is benchmarking. {@link #create} finds any other reason (permissions).
     */
    public void requireCreatable() {
        Path existing = root.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new UncheckedIOException(new IOException("cannot be made: " + existing + " is not a directory"));
        }
    }

    private static IllegalArgumentException alreadyExists(Path dir, Throwable cause) {
        return new IllegalArgumentException("run " + dir + " already exists; choose another --run-id", cause);
    }

    /** Creates {@code results/<id>/raw}; refuses an id that exists, so no run overwrites another. */
    public RunDirectory create(String id) {
        validateRunId(id);
        Path dir = root.resolve(id);
        try {
            Files.createDirectories(root);
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw alreadyExists(dir, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run directory " + dir + ": " + e.getMessage(), e);
        }
        RunDirectory run = new RunDirectory(dir);
        try {
            Files.createDirectory(run.raw());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + run.raw() + ": " + e.getMessage(), e);
        }
        return run;
    }

    /**
     * Points {@code latest} at {@code run} (a relative symlink, replaced atomically). Returns false,
     * leaving things as they are, when {@code latest} is something other than a symlink.
     */
    public boolean pointLatestAt(RunDirectory run) {
        Path latest = root.resolve(LATEST);
        if (Files.exists(latest, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(latest)) {
            return false;
        }
        Path temp = root.resolve("." + LATEST + "-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(temp);
            Files.createSymbolicLink(temp, root.relativize(run.root()));
            Files.move(temp, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot point " + latest + " at " + run.root() + ": " + e.getMessage(), e);
        }
    }
}
