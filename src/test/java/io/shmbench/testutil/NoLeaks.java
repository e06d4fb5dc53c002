package io.shmbench.testutil;

import io.shmbench.shm.SharedSegment;
import io.shmbench.shm.SuiteName;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Fails a test class that leaves something behind: register it with
 * {@code @ExtendWith(NoLeaks.class)} on every test class that creates segments, FIFOs, sockets or
 * child processes. After the class it checks that
 * <ul>
 *   <li>no entry named {@code shmbench-*} ({@link SuiteName}) remains in the segment directory
 *       ({@link SharedSegment#DEFAULT_DIR}) or in {@code java.io.tmpdir} whose creator is this JVM
 *       or one of its children (children started through {@link ChildJvm} are tracked; other
 *       launchers call {@link #track}), and</li>
 *   <li>no descendant process of this JVM is still alive (after a grace period in which a child
 *       that was told to stop may finish).</li>
 * </ul>
 * What it finds it removes (kills the processes, deletes the entries) before failing, so one leaky
 * class does not make the next one fail too. Entries of other processes are never touched: other
 * test runs may share the machine.
 */
public final class NoLeaks implements AfterAllCallback {
    private static final Set<Long> CHILD_PIDS = ConcurrentHashMap.newKeySet();
    /** A child that was told to stop may take this long to exit before it counts as leaked. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    /** Remembers a child this JVM started, so segments it created are found after it is gone. */
    public static void track(ProcessHandle child) {
        CHILD_PIDS.add(child.pid());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = removeLeaks(GRACE);
        if (!leaks.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " leaked (now cleaned up):\n  "
                    + String.join("\n  ", leaks));
        }
    }

    /**
     * Kills descendants still alive after {@code grace} and deletes the suite's entries created by
     * this JVM or its children; returns what it found, one line each (empty: nothing leaked).
     */
    public static List<String> removeLeaks(Duration grace) {
        List<String> leaks = new ArrayList<>();
        for (ProcessHandle child : liveDescendants(grace)) {
            leaks.add("process " + child.pid() + " still running: " + child.info().commandLine().orElse("?"));
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
        for (Path entry : leftovers()) {
            leaks.add("left in " + entry.getParent() + ": " + entry.getFileName());
            deleteRecursively(entry);
        }
        return leaks;
    }

    /** Descendants of this JVM still alive after waiting up to {@code grace} for them to exit on their own. */
    public static List<ProcessHandle> liveDescendants(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        List<ProcessHandle> alive = new ArrayList<>();
        try (Stream<ProcessHandle> descendants = ProcessHandle.current().descendants()) {
            for (ProcessHandle child : descendants.toList()) {
                track(child);
                try {
                    child.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    alive.add(child);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    alive.add(child);
                }
            }
        }
        return alive;
    }

    /** The suite's entries whose creator is this JVM or a child it started. */
    public static List<Path> leftovers() {
        Set<Long> ours = new HashSet<>(CHILD_PIDS);
        ours.add(ProcessHandle.current().pid());
        Set<Path> dirs = new LinkedHashSet<>(List.of(SharedSegment.DEFAULT_DIR, Path.of(System.getProperty("java.io.tmpdir"))));
        List<Path> found = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, SuiteName.PREFIX + "*")) {
                for (Path entry : entries) {
                    Optional<SuiteName> name = SuiteName.parse(entry.getFileName().toString());
                    if (name.isPresent() && ours.contains(name.get().creatorPid())) {
                        found.add(entry);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        return found;
    }

    private static void deleteRecursively(Path entry) {
        try {
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> tree = Files.walk(entry)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            } else {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove leaked " + entry, e);
        }
    }
}
